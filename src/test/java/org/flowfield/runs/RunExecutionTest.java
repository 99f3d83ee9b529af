package org.flowfield.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.flowfield.data.PointCloud;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.settings.RunPresets;
import org.flowfield.runs.settings.RunSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Queued runs are started by the dispatcher, trained by the job engine and stored as they go. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/execution-${random.uuid}",
    "flowfield.queue.slots=2",
    "flowfield.queue.dispatch-interval-ms=200"
})
class RunExecutionTest {

    @Autowired
    RunService service;

    @Autowired
    RunRepository runs;

    @Autowired
    RunFiles files;

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

    @Test
    void aSmokeRunIsStartedTrainedAndStoredWithItsSeriesSnapshotsAndFigures() {
        RunSettings settings = RunPresets.smoke(ModelFamily.CONDITIONAL_FLOW_MATCHING);
        settings.setEpochs(2);
        Run queued = service.queue(owner, settings);
        java.util.List<org.flowfield.runs.live.RunUpdate> updates = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.flowfield.runs.live.RunUpdates.Subscription watching = service.watch(owner, queued.id(), updates::add);
        UUID stranger = UUID.randomUUID();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.watch(stranger, queued.id(), update -> {}))
                .isInstanceOf(RunNotFoundException.class);

        Run finished = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> service.find(owner, queued.id()).orElseThrow(), run -> run.status().terminal());

        assertThat(finished.status()).as(String.valueOf(finished.failureReason())).isEqualTo(RunStatus.FINISHED);
        assertThat(finished.device()).isEqualTo("CPU");
        assertThat(finished.startedAt()).isNotNull();
        assertThat(finished.finishedAt()).isAfterOrEqualTo(finished.startedAt());
        assertThat(finished.stepsDone()).isEqualTo(finished.totalSteps());
        assertThat(finished.figures().inRingFraction()).isBetween(0.0, 1.0);
        assertThat(finished.figures().heldOutNll()).isFinite();
        assertThat(runs.recordedEpochs(queued.id())).containsExactly(0, 1);
        assertThat(runs.recordedSteps(queued.id())).isSorted().doesNotHaveDuplicates().last().isEqualTo(finished.totalSteps());
        PointCloud snapshot = org.flowfield.training.export.SampleSnapshot.read(files.snapshot(queued.id(), 1));
        assertThat(snapshot.size()).isEqualTo(1_000);
        assertThat(snapshot.labels()).isNotNull().contains(0, 1, 2, 3, 4);
        assertThat(Files.exists(files.checkpoint(queued.id()))).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> updates.stream()
                .anyMatch(u -> u instanceof org.flowfield.runs.live.RunUpdate.StatusChanged) && updates.size() >= 4);
        assertThat(updates).filteredOn(u -> u instanceof org.flowfield.runs.live.RunUpdate.Epoch).hasSize(2);
        assertThat(updates).filteredOn(u -> u instanceof org.flowfield.runs.live.RunUpdate.Progress).isNotEmpty();
        int seen = updates.size();
        watching.close();
        service.queue(owner, settings);
        assertThat(updates).hasSize(seen);
    }

    @Test
    void aRunWhoseLossBecomesNaNEndsAsFailedWithThatReason() {
        // a learning rate beyond the form's bounds, stored directly, throws the flow's log-scales out of range
        org.flowfield.training.TrainingConfig exploding = new org.flowfield.training.TrainingConfig(
                ModelFamily.NORMALIZING_FLOW, null, null, 128 * 50, 5, 128, 0.9,
                org.flowfield.training.LearningRateSchedule.CONSTANT, 1, 1);
        Run run = new Run(UUID.randomUUID(), owner, "exploding", exploding, RunStatus.QUEUED, null, null, Instant.now(),
                null, null, false, 0, exploding.totalSteps(), null, false, 0, null);
        runs.insert(run);

        Run failed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> service.find(owner, run.id()).orElseThrow(), stored -> stored.status().terminal());
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.failureReason())
                .matches("the loss became (NaN|Infinity|-Infinity) at step \\d+ \\(epoch \\d+\\)\\. .*")
                .contains("Try bounding the log-scale (log-scale bound 3) and clipping gradients (max gradient norm 1), "
                        + "or lowering the learning rate (0.45 instead of 0.9).");
        assertThat(failed.finishedAt()).isNotNull();
    }

    @Test
    void cancellingARunningRunStopsItWithinSeconds() {
        RunSettings settings = RunPresets.quick(ModelFamily.NORMALIZING_FLOW);
        Run queued = service.queue(owner, settings);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> service.find(owner, queued.id()).orElseThrow().stepsDone() > 0);

        service.cancel(owner, queued.id());

        Run cancelled = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> service.find(owner, queued.id()).orElseThrow(), run -> run.status().terminal());
        assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(cancelled.stepsDone()).isLessThan(cancelled.totalSteps());
        assertThat(cancelled.figures()).isNull();
    }
}
