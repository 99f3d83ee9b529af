package org.flowfield.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The packaged jar ({@code flowfield.jar}, set by failsafe) running as a server process of its
 * own on a free port: killed with SIGKILL as an out-of-memory kill or a power loss would, or
 * stopped with SIGTERM as {@code docker stop} does. Its output goes to a log file that
 * accumulates across restarts.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path log;
    private final int port;
    private final Process process;

    private ServerProcess(Path log, int port, Process process) {
        this.log = log;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts the jar as a web server with Spring arguments ({@code --name=value}) and waits
     * until it has started.
     */
    public static ServerProcess start(Path log, Map<String, String> environment, String... arguments) {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(Arrays.asList(System.getProperty("flowfield.jvm.flags", "").split(" ")));
        command.add("-Xmx1g");
        command.addAll(launch());
        command.add("--server.port=" + port);
        command.add("--flowfield.sign-up.mode=open"); // the tests' students sign up without an invite code
        command.addAll(Arrays.asList(arguments));
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, "\n==== start " + String.join(" ", arguments) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            long offset = Files.size(log);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            ServerProcess server = new ServerProcess(log, port, builder.start());
            server.awaitLogAfter(offset, Pattern.compile("Started FlowfieldApplication in"), START_TIMEOUT);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code -jar flowfield.jar}, or, where {@code flowfield.server.classpath} names the unpacked
     * jar's class path instead (the GPU check carries it that way, without the CPU build of
     * PyTorch), the application's main class on that class path.
     */
    private static List<String> launch() {
        String classPath = System.getProperty("flowfield.server.classpath");
        if (classPath != null && !classPath.isBlank()) {
            return List.of("-cp", classPath, "org.flowfield.FlowfieldApplication");
        }
        return List.of("-jar", System.getProperty("flowfield.jar"));
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: the process gets no chance to react. */
    public void kill() {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    /** SIGTERM, then waits for the process to exit; returns how long that took and its exit status. */
    public Stop stop(Duration patience) {
        long started = System.nanoTime();
        process.destroy();
        waitForExit(patience);
        return new Stop(Duration.ofNanos(System.nanoTime() - started), process.exitValue());
    }

    public record Stop(Duration took, int exitStatus) {}

    /** Everything the servers started on this log wrote so far. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitLogAfter(long offset, Pattern pattern, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            if (pattern.matcher(text.substring((int) Math.min(offset, text.length()))).find()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + " before starting:\n" + tail(text));
            }
            sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server did not start within " + timeout + ":\n" + tail(log()));
    }

    private void waitForExit(Duration patience) {
        try {
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("the server did not exit within " + patience);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(String text) {
        return text.substring(Math.max(0, text.length() - 6_000));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
