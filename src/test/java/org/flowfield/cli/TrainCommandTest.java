package org.flowfield.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowfield.training.CheckpointFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainCommandTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new TrainCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    @Test
    void aSmallRunPrintsProgressAndEndsWithOneJsonLineOfItsFigures() throws Exception {
        Path runDirectory = directory.resolve("run");
        int status = run("--model", "nf", "--epochs", "2", "--points", "2000", "--seed", "5", "--out", runDirectory.toString());

        assertThat(status).as(err.toString()).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines[0]).startsWith("training Normalizing flow on CPU: 2000 points, 2 epochs, 32 steps");
        assertThat(lines).anyMatch(line -> line.startsWith("epoch 2 done: validation loss"));
        DocumentContext json = JsonPath.parse(lines[lines.length - 1]);
        assertThat(json.read("$.model", String.class)).isEqualTo("nf");
        assertThat(json.read("$.epochs", Integer.class)).isEqualTo(2);
        assertThat(json.read("$.points", Integer.class)).isEqualTo(2000);
        assertThat(json.read("$.train_steps_per_s", Double.class)).isPositive();
        assertThat(json.read("$.heldout_nll_nats", Double.class)).isBetween(0.0, 10.0);
        assertThat(json.read("$.in_ring_fraction", Double.class)).isBetween(0.0, 1.0);
        assertThat(json.read("$.sliced_w2", Double.class)).isPositive();
        // the exact W2 of the same samples is never below their sliced distance; a flow has no path energy
        assertThat(json.read("$.exact_w2", Double.class)).isGreaterThanOrEqualTo(json.read("$.sliced_w2", Double.class));
        assertThat(json.read("$.normalized_path_energy", Object.class)).isNull();
        assertThat(Files.readString(runDirectory.resolve("result.json")).strip()).isEqualTo(lines[lines.length - 1]);
        assertThat(CheckpointFile.read(runDirectory.resolve("checkpoint.bin")).step()).isEqualTo(32);
        assertThat(err.toString()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--epochs 3                         | --model is required (nf, fm or cfm)",
        "--model gan                        | unknown model 'gan': expected nf, fm or cfm",
        "--model fm --epochs many           | --epochs must be a whole number, got 'many'",
        "--model fm --epochs 0              | --epochs must be between 1 and 1000, got 0",
        "--model fm --points 4              | --points must be between 5 and 10000000, got 4",
        "--model fm --points 99999999999    | --points must be between 5 and 10000000, got 99999999999",
        "--model fm --seed 1.5              | --seed must be a whole number, got '1.5'",
        "--model fm --speed 3               | unknown option '--speed'",
        "--model fm --epochs                | --epochs needs a value",
        "--model fm extra                   | unexpected argument 'extra'",
        "--model fm --seed -1               | --seed must be between 0 and 9223372036854775807, got -1",
        "--model fm --learning-rate 2       | --learning-rate must be between 0.000001 and 0.1, got 2",
        "--model fm --learning-rate NaN     | --learning-rate must be a finite number, got 'NaN'",
        "--model fm --fm-hidden-width 4     | --fm-hidden-width must be between 8 and 512, got 4",
        "--model fm --schedule weekly       | --schedule must be COSINE or CONSTANT, got 'weekly'",
        "--model fm --minibatch-optimal-transport yes | --minibatch-optimal-transport must be true or false, got 'yes'",
        "--model nf --sigma-min 0.1         | --sigma-min is not a setting of normalizing flow (nf)",
        "--model nf --points 100            | batch size must be in [1, points], got 128",
        "--model nf --name x                | unknown option '--name'",
        "--model fm --data swissroll        | --data must be rings or eight-gaussians or moons or checkerboard or spirals or pinwheel or circles or s-curve, got 'swissroll'",
        "--model cfm --data checkerboard    | Checkerboard has no classes, so a class-conditional model cannot learn it",
        "--model nf --source moons          | --source is not a setting of normalizing flow (nf)",
        "--model fm --source uniform        | --source must be normal or rings or eight-gaussians or moons or checkerboard or spirals or pinwheel or circles or s-curve, got 'uniform'",
        "--model fm --activation gelu       | --activation must be LEAKY_RELU or SELU or SILU or TANH, got 'gelu'",
        "--model nf --log-scale-bound -1    | --log-scale-bound must be between 0 and 80, got -1",
        "--model nf --weight-decay x        | --weight-decay must be a finite number, got 'x'",
        "--model nf --max-gradient-norm -2  | --max-gradient-norm must be between 0 and 1000, got -2",
        "--model cfm --transport-within-classes yes | --transport-within-classes must be true or false, got 'yes'",
    })
    void badArgumentsGetAClearMessageAndExitStatus2WithoutAStackTrace(String args, String message) {
        int status = run(args.strip().split("\\s+"));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).startsWith("flowfield train: " + message + "\n").contains("usage: train --model nf|fm|cfm");
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aRunOnAnotherDataSetFromADataSourceNamesBothAndReportsNoLikelihood() {
        int status = run("--model", "fm", "--data", "moons", "--source", "eight-gaussians", "--epochs", "1", "--points", "640");

        assertThat(status).as(err.toString()).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        DocumentContext json = JsonPath.parse(lines[lines.length - 1]);
        assertThat(json.read("$.data", String.class)).isEqualTo("moons");
        assertThat(json.read("$.source", String.class)).isEqualTo("eight-gaussians");
        assertThat(json.read("$.heldout_nll_nats", Object.class)).isNull();
        assertThat(json.read("$.in_ring_fraction", Object.class)).isNull();
        assertThat(json.read("$.sliced_w2", Double.class)).isPositive();
    }

    @Test
    void plainOptimalTransportWithClassesTrainsWithAWarning() {
        int status = run("--model", "cfm", "--epochs", "1", "--points", "500", "--minibatch-optimal-transport", "true");

        assertThat(status).as(err.toString()).isZero();
        assertThat(err.toString()).startsWith("flowfield train: warning: Minibatch optimal transport pairs noise with data "
                + "across classes");
    }

    @Test
    void anOutputFolderThatCannotBeCreatedFailsWithStatus1AndAMessage() throws Exception {
        Path file = Files.writeString(directory.resolve("occupied"), "x");
        int status = run("--model", "fm", "--epochs", "1", "--points", "200", "--out", file.resolve("sub").toString());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).startsWith("flowfield train: ").doesNotContain("\tat ");
    }
}
