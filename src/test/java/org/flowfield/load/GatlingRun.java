package org.flowfield.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Gatling running {@link ClassroomSimulation} in a JVM of its own, on this test's class path, so
 * that the load generator neither shares a heap with the browsers nor needs the opened
 * {@code java.lang} that its log writer asks for from the test JVM. Its console output goes to
 * {@code gatling.log} and its HTML report under {@code gatling/} in the given folder.
 */
final class GatlingRun {

    private final Process process;
    private final Path folder;
    private final Path measurements;
    private final Duration duration;

    private GatlingRun(Process process, Path folder, Path measurements, Duration duration) {
        this.process = process;
        this.folder = folder;
        this.measurements = measurements;
        this.duration = duration;
    }

    static GatlingRun start(Path folder, String url, List<LoadUser> people, Duration duration) {
        try {
            Files.createDirectories(folder);
            Path usersFile = folder.resolve("users.tsv");
            Files.writeString(usersFile, people.stream().map(user -> user.username() + "\t" + user.password() + "\t" + user.token())
                    .collect(Collectors.joining("\n")));
            Path measurements = folder.resolve("measurements.tsv");
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m",
                    "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                    "-Dlogback.configurationFile=" + logbackConfiguration(folder),
                    "--enable-native-access=ALL-UNNAMED",
                    "-Dgatling.netty.useNativeTransport=false",
                    "-Dgatling.ssl.useOpenSsl=false",
                    "-Dgatling.data.console.light=true",
                    "-D" + ClassroomSimulation.URL + "=" + url,
                    "-D" + ClassroomSimulation.USERS_FILE + "=" + usersFile,
                    "-D" + ClassroomSimulation.SECONDS + "=" + duration.toSeconds(),
                    "-D" + ClassroomSimulation.MEASUREMENTS_FILE + "=" + measurements,
                    "-cp", System.getProperty("java.class.path"),
                    "io.gatling.app.Gatling",
                    "--simulation", ClassroomSimulation.class.getName(),
                    "--results-folder", folder.resolve("gatling").toString(),
                    "--run-description", people.size() + " users for " + duration.toSeconds() + " s")
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolve("gatling.log").toFile());
            return new GatlingRun(builder.start(), folder, measurements, duration);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for Gatling to finish its run and its report; what its users measured. */
    Measurements finish() throws InterruptedException {
        Duration patience = duration.plusMinutes(3);
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Gatling did not finish within " + patience + "; see " + folder.resolve("gatling.log"));
        }
        if (!Files.exists(measurements)) {
            throw new IllegalStateException("Gatling exited with " + process.exitValue() + " and measured nothing; see "
                    + folder.resolve("gatling.log"));
        }
        return Measurements.read(measurements);
    }

    void stop() {
        process.destroyForcibly();
    }

    /** Gatling's own progress at INFO, Netty's chatter only when it warns. */
    private static Path logbackConfiguration(Path folder) throws IOException {
        Path file = folder.resolve("logback-gatling.xml");
        Files.writeString(file, """
                <configuration>
                  <appender name="console" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n</pattern></encoder>
                  </appender>
                  <logger name="io.gatling" level="INFO"/>
                  <root level="WARN"><appender-ref ref="console"/></root>
                </configuration>
                """);
        return file;
    }
}
