package org.flowfield.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flowfield.flows.FlowModel;
import org.flowfield.flows.ModelFamily;
import org.flowfield.metrics.QualityFigures;
import org.flowfield.training.Cancellation;
import org.flowfield.training.CheckpointPolicy;
import org.flowfield.training.ModelFactory;
import org.flowfield.training.ProgressReport;
import org.flowfield.training.RunLoop;
import org.flowfield.training.TrainingConfig;
import org.flowfield.training.TrainingListener;
import org.flowfield.training.TrainingResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The exact transport figures of finished runs, computed by the worker from the stored model and
 * stored with the run (the test configuration leaves the schedule idle and calls the worker).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/transport-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4"
})
class TransportFiguresWorkerTest {

    @Autowired
    TransportFiguresWorker worker;

    @Autowired
    RunService runs;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    UUID owner;

    @BeforeEach
    void account() {
        owner = UUID.randomUUID();
        jdbc.sql("insert into account (id, username, password_hash, created_at) values (?, ?, ?, ?)")
                .params(owner, "u" + owner.toString().substring(0, 8), "$2a$04$unused", Timestamp.from(Instant.now()))
                .update();
    }

    /** Makes the run the one that has waited longest, so that the worker takes it next. */
    private void waitingLongest(UUID runId, Instant finishedAt) {
        jdbc.sql("update run set finished_at = :at where id = :id").param("at", Timestamp.from(finishedAt)).param("id", runId).update();
    }

    @Test
    void aFinishedFlowMatchingRunGetsItsExactW2AndNormalizedPathEnergy() {
        Run run = FinishedRuns.copyOfReference(context, ModelFamily.FLOW_MATCHING, owner, "transport");
        waitingLongest(run.id(), Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(run.figures().exactW2()).isNull();

        assertThat(worker.computeNext()).isTrue();

        QualityFigures figures = runs.find(owner, run.id()).orElseThrow().figures();
        // projecting is 1-Lipschitz, so no direction's W2 exceeds the plane's: the sliced figure is a lower bound
        assertThat(figures.exactW2()).isFinite().isGreaterThanOrEqualTo(figures.slicedW2());
        assertThat(figures.exactW2()).isLessThan(0.5);
        // N(0, I) and the standardised rings share mean and covariance, so W2² is small, while a flow trained on
        // independently paired points spends far more (the reference flow about 8 times more)
        assertThat(figures.normalizedPathEnergy()).isFinite().isPositive();
        assertThat(figures.heldOutNll()).isEqualTo(run.figures().heldOutNll());
        assertThat(jdbc.sql("select transport_started_at from run where id = :id").param("id", run.id()).query(Timestamp.class)
                .single()).isNotNull();
    }

    @Test
    void aRunThatFinishedBeforeTheFiguresAgainstTheDataGetsThemWithItsTransportFigures() {
        Run run = FinishedRuns.copyOfReference(context, ModelFamily.CONDITIONAL_FLOW_MATCHING, owner, "earlier");
        QualityFigures reference = run.figures();
        assertThat(reference.dataEntropy()).isNotNull();
        jdbc.sql("update run set data_entropy = null, outside_support_fraction = null where id = :id").param("id", run.id()).update();
        waitingLongest(run.id(), Instant.parse("1997-01-01T00:00:00Z"));

        assertThat(worker.computeNext()).isTrue();

        QualityFigures figures = runs.find(owner, run.id()).orElseThrow().figures();
        // the same model, data and samples as when the reference's figures were computed
        assertThat(figures.dataEntropy()).isEqualTo(reference.dataEntropy());
        assertThat(figures.outsideSupportFraction()).isEqualTo(reference.outsideSupportFraction());
        assertThat(figures.exactW2()).isFinite();
    }

    @Test
    void aRunWhoseModelCannotBeReadGetsNaNAndIsNotTakenAgain() throws Exception {
        Run run = FinishedRuns.copyOfReference(context, ModelFamily.NORMALIZING_FLOW, owner, "no model");
        waitingLongest(run.id(), Instant.parse("1999-01-01T00:00:00Z"));
        Files.delete(context.getBean(RunFiles.class).checkpoint(run.id()));

        assertThat(worker.computeNext()).isTrue();

        QualityFigures figures = runs.find(owner, run.id()).orElseThrow().figures();
        assertThat(figures.exactW2()).isNaN();
        assertThat(figures.normalizedPathEnergy()).isNull();
        Integer waiting = jdbc.sql("select count(*) from run where id = :id and exact_w2 is null").param("id", run.id())
                .query(Integer.class).single();
        assertThat(waiting).isZero();
    }

    @Test
    void finishedRunsWaitWhileARunTrainsOnThisServersDeviceAndGetTheirFiguresAfterwards() throws Exception {
        Run run = FinishedRuns.copyOfReference(context, ModelFamily.NORMALIZING_FLOW, owner, "waits");
        waitingLongest(run.id(), Instant.parse("1998-01-01T00:00:00Z"));
        CountDownLatch training = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TrainingListener holdsTheDevice = new TrainingListener() {
            @Override
            public void onProgress(ProgressReport report) {
                training.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        TrainingConfig config = TrainingConfig.exercise(ModelFamily.NORMALIZING_FLOW, 1).withPoints(2_000).withEpochs(1);
        Path folder = Files.createTempDirectory(Path.of("target"), "device-busy");
        CompletableFuture<TrainingResult> trained = CompletableFuture.supplyAsync(() -> {
            RunLoop loop = RunLoop.fresh(config, holdsTheDevice, Cancellation.never(),
                    new CheckpointPolicy(folder.resolve("checkpoint.bin"), 0));
            try (FlowModel model = ModelFactory.create(config)) {
                return context.getBean(DevicePacks.class).train(loop, model, (pack, members) -> {});
            }
        });
        try {
            assertThat(training.await(60, TimeUnit.SECONDS)).isTrue();
            worker.sweep();
            Thread.sleep(2_000);
            assertThat(runs.find(owner, run.id()).orElseThrow().figures().exactW2()).as("no figures while a run trains").isNull();
        } finally {
            release.countDown();
        }
        assertThat(trained.get(120, TimeUnit.SECONDS).steps()).isEqualTo(config.totalSteps());

        worker.sweep();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (runs.find(owner, run.id()).orElseThrow().figures().exactW2() == null && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(runs.find(owner, run.id()).orElseThrow().figures().exactW2()).as("figures once the device is free").isFinite();
    }

    @Test
    void aServerDoesNotTakeARunAnotherServerClaimedRecently() {
        RunRepository repository = context.getBean(RunRepository.class);
        Instant now = Instant.now();
        jdbc.sql("update run set transport_started_at = :at where status = 'FINISHED' and exact_w2 is null")
                .param("at", Timestamp.from(now)).update();

        assertThat(repository.claimTransportFigures(now, now.minus(TransportFiguresWorker.CLAIM_EXPIRES))).isEmpty();
        assertThat(repository.claimTransportFigures(now.plus(TransportFiguresWorker.CLAIM_EXPIRES).plusSeconds(1),
                now.plusSeconds(1))).isPresent();
    }
}
