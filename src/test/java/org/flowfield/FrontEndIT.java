package org.flowfield;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar} of a jar that lost its front end stops at once with one line, not a stack trace. */
class FrontEndIT {

    @TempDir
    Path directory;

    @Test
    void aJarWithoutItsFrontEndRefusesToStart() throws Exception {
        Path jar = directory.resolve("no-front-end.jar");
        Files.copy(Path.of(System.getProperty("flowfield.jar")), jar);
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            deleteTree(zip.getPath("/META-INF/VAADIN"));
        }

        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(Arrays.asList(System.getProperty("flowfield.jvm.flags").split(" ")));
        command.addAll(List.of("-jar", jar.toString(), "--server.port=0", "--flowfield.data-dir=" + directory.resolve("data")));
        Path out = directory.resolve("out.txt");
        Path err = directory.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();

        assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("the jar stopped within a minute").isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(Files.readString(err, StandardCharsets.UTF_8)).startsWith("flowfield: this build has no compiled front end")
                .hasLineCount(1);
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEmpty();
        assertThat(directory.resolve("data")).doesNotExist();
    }

    private static void deleteTree(Path root) throws IOException {
        assertThat(root).exists();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
