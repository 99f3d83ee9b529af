package org.flowfield.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.flowfield.flows.ModelFamily;
import org.flowfield.metrics.QualityFigures;
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
