package org.flowfield.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar target/<jar> train …}: the packaged jar trains without the web server. */
class TrainCommandIT {

    @TempDir
    Path directory;

    private record Outcome(int status, String out, String err) {}

    private Outcome runJar(String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(Arrays.asList(System.getProperty("flowfield.jvm.flags").split(" ")));
        command.addAll(List.of("-jar", System.getProperty("flowfield.jar"), "train"));
        command.addAll(Arrays.asList(args));
        Path out = directory.resolve("out.txt");
        Path err = directory.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the jar finished within 5 minutes").isTrue();
        return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void thePackagedJarTrainsAClassConditionalModelAndPrintsItsFigures() throws Exception {
        Outcome outcome = runJar("--model", "cfm", "--epochs", "1", "--points", "1000", "--seed", "3");

        assertThat(outcome.status()).as(outcome.err()).isZero();
        String[] lines = outcome.out().strip().split("\n");
        DocumentContext json = JsonPath.parse(lines[lines.length - 1]);
        assertThat(json.read("$.model", String.class)).isEqualTo("cfm");
        assertThat(json.read("$.points", Integer.class)).isEqualTo(1000);
        assertThat(json.read("$.epochs", Integer.class)).isEqualTo(1);
        assertThat(json.read("$.in_ring_fraction", Double.class)).isBetween(0.0, 1.0);
        assertThat(json.read("$.heldout_nll_nats", Double.class)).isPositive();
        assertThat(json.read("$.sliced_w2", Double.class)).isPositive();
        assertThat(json.read("$.train_steps_per_s", Double.class)).isPositive();
    }

    @Test
    void thePackagedJarRejectsBadArgumentsWithoutAStackTrace() throws Exception {
        Outcome outcome = runJar("--model", "vae");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err()).contains("flowfield train: unknown model 'vae': expected nf, fm or cfm").doesNotContain("\tat ");
        assertThat(outcome.out()).isEmpty();
    }
}
