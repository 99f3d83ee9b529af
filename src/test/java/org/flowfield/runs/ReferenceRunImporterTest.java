package org.flowfield.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.flowfield.FlowfieldApplication;
import org.flowfield.accounts.AccountService;
import org.flowfield.accounts.UsernameTakenException;
import org.flowfield.cli.TrainCommand;
import org.flowfield.flows.ModelFamily;
import org.flowfield.training.export.ExportedRun;
import org.flowfield.training.export.RunExportReader;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A run exported by the command line is offered, once, as a finished run every user sees. */
class ReferenceRunImporterTest {

    private static ConfigurableApplicationContext start(String dataDirectory, Path models) {
        return new SpringApplicationBuilder(FlowfieldApplication.class)
                .run("--server.port=0", "--flowfield.data-dir=" + dataDirectory, "--flowfield.reference-runs=" + models,
                        "--flowfield.queue.dispatch=false", "--jobrunr.background-job-server.enabled=false");
    }

    @Test
    void anExportedRunIsOfferedToEveryUserExactlyOnce() throws Exception {
        Path models = Path.of("target", "test-data", "models-" + UUID.randomUUID());
        Path folder = models.resolve("cfm");
        int status = new TrainCommand(new PrintStream(new ByteArrayOutputStream()), System.err)
                .run(new String[] {"--model", "cfm", "--epochs", "2", "--points", "1000", "--seed", "4", "--out", folder.toString()});
        assertThat(status).isZero();
        ExportedRun exported = RunExportReader.read(folder);
        String dataDirectory = "./target/test-data/reference-" + UUID.randomUUID();

        UUID runId;
        try (ConfigurableApplicationContext first = start(dataDirectory, models)) {
            RunService service = first.getBean(RunService.class);
            AccountService accounts = first.getBean(AccountService.class);
            List<Run> reference = service.listReference();
            assertThat(reference).hasSize(1);
            Run run = reference.get(0);
            runId = run.id();
            assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(run.name()).isEqualTo("Reference: Class-conditional flow matching (exercise recipe, seed 4)");
            assertThat(run.config()).isEqualTo(exported.config());
            assertThat(run.figures().heldOutNll()).isEqualTo(exported.figures().heldOutNll());
            assertThat(run.figures().inRingFraction()).isEqualTo(exported.figures().inRingFraction());
            assertThat(run.stepsDone()).isEqualTo(run.totalSteps()).isEqualTo(16);

            UUID someone = accounts.signUp("someone-" + UUID.randomUUID().toString().substring(0, 6), "a long password").id();
            assertThat(service.find(someone, runId)).contains(run);
            assertThat(service.cancel(someone, runId)).isEqualTo(run);
            RunRepository runs = first.getBean(RunRepository.class);
            assertThat(runs.recordedEpochs(runId)).containsExactly(0, 1);
            assertThat(runs.recordedSteps(runId)).last().isEqualTo(16L);
            RunFiles files = first.getBean(RunFiles.class);
            assertThat(Files.exists(files.checkpoint(runId))).isTrue();
            assertThat(org.flowfield.training.export.SampleSnapshot.read(files.snapshot(runId, 1)).xy()).containsExactly(
                    org.flowfield.training.export.SampleSnapshot.read(folder.resolve("samples-epoch-1.bin")).xy());
            assertThatThrownBy(() -> accounts.signUp("Flowfield", "another long password")).isInstanceOf(UsernameTakenException.class);
            assertThat(accounts.authenticate("flowfield", "!")).isEmpty();
        }

        try (ConfigurableApplicationContext second = start(dataDirectory, models)) {
            assertThat(second.getBean(JdbcClient.class).sql("select count(*) from run").query(Long.class).single()).isEqualTo(1);
            assertThat(second.getBean(RunService.class).listReference()).extracting(Run::id).containsExactly(runId);
            assertThat(second.getBean(RunService.class).listReference().get(0).figures().dataEntropy())
                    .isEqualTo(exported.figures().dataEntropy()).isNotNull();
        }
    }
}
