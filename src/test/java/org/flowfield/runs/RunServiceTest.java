package org.flowfield.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.flowfield.flows.ModelFamily;
import org.flowfield.queue.QueueFullException;
import org.flowfield.runs.settings.InvalidRunSettingsException;
import org.flowfield.runs.settings.RunPresets;
import org.flowfield.runs.settings.RunSettings;
import org.flowfield.training.TrainingConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/runs-${random.uuid}",
    "flowfield.queue.max-queued-per-user=3",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false"
})
class RunServiceTest {

    @Autowired
    RunService service;

    @Autowired
    JdbcClient jdbc;

    UUID alice;
    UUID bob;

    @BeforeEach
    void accounts() {
        alice = account("alice-" + UUID.randomUUID().toString().substring(0, 8));
        bob = account("bob-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private UUID account(String username) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into account (id, username, password_hash, created_at) values (?, ?, ?, ?)")
                .params(id, username, "$2a$04$unused", Timestamp.from(Instant.now()))
                .update();
        return id;
    }

    private long storedRuns() {
        return jdbc.sql("select count(*) from run").query(Long.class).single();
    }

    @Test
    void aValidRunIsStoredQueuedWithEveryHyperParameter() {
        RunSettings settings = RunPresets.quick(ModelFamily.CONDITIONAL_FLOW_MATCHING);
        settings.setName("  rings, conditional  ");
        settings.setSeed(99L);

        Run run = service.queue(alice, settings);

        Run stored = service.find(alice, run.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(stored.name()).isEqualTo("rings, conditional");
        assertThat(stored.config()).isEqualTo(TrainingConfig.exercise(ModelFamily.CONDITIONAL_FLOW_MATCHING, 99).withEpochs(7));
        assertThat(stored.totalSteps()).isEqualTo(7L * 1954);
        assertThat(stored.ownerId()).isEqualTo(alice);
        assertThat(stored.createdAt()).isNotNull();
        assertThat(stored.startedAt()).isNull();
        assertThat(stored.figures()).isNull();
    }

    @Test
    void anInvalidRunIsRejectedWithEveryMessageAndNothingIsStored() {
        long before = storedRuns();
        RunSettings settings = RunPresets.exerciseDefaults(ModelFamily.NORMALIZING_FLOW);
        settings.setPoints(-5);
        settings.setLearningRate(Double.NaN);
        settings.setEpochs(null);

        assertThatThrownBy(() -> service.queue(alice, settings))
                .isInstanceOf(InvalidRunSettingsException.class)
                .satisfies(e -> assertThat(((InvalidRunSettingsException) e).errors()).extracting(f -> f.field())
                        .contains(RunSettings.POINTS, RunSettings.LEARNING_RATE, RunSettings.EPOCHS));
        assertThat(storedRuns()).isEqualTo(before);
    }

    @Test
    void theQueueLimitPerUserIsEnforcedWithAClearMessageAndNothingStored() {
        for (int i = 0; i < 3; i++) {
            service.queue(alice, RunPresets.smoke(ModelFamily.FLOW_MATCHING));
        }
        long before = storedRuns();

        assertThatThrownBy(() -> service.queue(alice, RunPresets.smoke(ModelFamily.FLOW_MATCHING)))
                .isInstanceOf(QueueFullException.class)
                .hasMessageContaining("the limit is 3");
        assertThat(storedRuns()).isEqualTo(before);
        // another user is not affected, and a cancelled run frees a place
        service.queue(bob, RunPresets.smoke(ModelFamily.FLOW_MATCHING));
        Run first = service.listOwn(alice).get(0);
        service.cancel(alice, first.id());
        assertThat(service.queue(alice, RunPresets.smoke(ModelFamily.FLOW_MATCHING)).status()).isEqualTo(RunStatus.QUEUED);
    }

    @Test
    void anotherUsersRunAnswersExactlyLikeARunThatDoesNotExist() {
        Run run = service.queue(alice, RunPresets.smoke(ModelFamily.NORMALIZING_FLOW));
        UUID unknown = UUID.randomUUID();

        assertThat(service.find(bob, run.id())).isEmpty();
        assertThat(service.find(bob, unknown)).isEmpty();
        assertThat(service.listOwn(bob)).extracting(Run::id).doesNotContain(run.id());
        Throwable foreign = org.assertj.core.api.Assertions.catchThrowable(() -> service.cancel(bob, run.id()));
        Throwable missing = org.assertj.core.api.Assertions.catchThrowable(() -> service.cancel(bob, unknown));
        assertThat(foreign).isInstanceOf(RunNotFoundException.class);
        assertThat(missing).isInstanceOf(RunNotFoundException.class);
        assertThat(foreign.getMessage().replace(run.id().toString(), "ID"))
                .isEqualTo(missing.getMessage().replace(unknown.toString(), "ID"));
        assertThat(service.find(alice, run.id()).orElseThrow().status()).isEqualTo(RunStatus.QUEUED);
        for (java.util.function.Function<UUID, Object> surface : java.util.List.<java.util.function.Function<UUID, Object>>of(
                id -> service.history(bob, id),
                id -> service.snapshot(bob, id, 0),
                id -> service.batchLosses(bob, id),
                id -> service.finalCheckpoint(bob, id),
                id -> service.watch(bob, id, update -> {}))) {
            Throwable foreignRead = org.assertj.core.api.Assertions.catchThrowable(() -> surface.apply(run.id()));
            Throwable missingRead = org.assertj.core.api.Assertions.catchThrowable(() -> surface.apply(unknown));
            assertThat(foreignRead).isInstanceOf(RunNotFoundException.class);
            assertThat(missingRead).isInstanceOf(RunNotFoundException.class);
            assertThat(foreignRead.getMessage().replace(run.id().toString(), "ID"))
                    .isEqualTo(missingRead.getMessage().replace(unknown.toString(), "ID"));
        }
    }

    @Test
    void aReferenceRunsHistorySnapshotsAndFinalModelAreReadableByEveryone() {
        Run reference = service.listReference().stream()
                .filter(run -> run.config().family() == ModelFamily.CONDITIONAL_FLOW_MATCHING).findFirst().orElseThrow();

        RunHistory history = service.history(bob, reference.id());

        assertThat(history.run()).isEqualTo(reference);
        assertThat(history.epochs()).extracting(EpochRecord::epoch).containsExactly(
                java.util.stream.IntStream.range(0, reference.config().epochs()).boxed().toArray(Integer[]::new));
        assertThat(history.loss()).isNotEmpty();
        assertThat(history.loss()).extracting(LossPoint::step).isSorted().doesNotHaveDuplicates();
        assertThat(history.loss().getLast().step()).isEqualTo(reference.totalSteps());
        assertThat(history.epochs()).allSatisfy(epoch -> assertThat(epoch.validationLogDet()).isNaN());
        float[] batches = service.batchLosses(bob, reference.id());
        assertThat(batches).hasSize((int) reference.totalSteps());
        // each stored progress point is the mean of the batch losses of its window
        LossPoint lastWindow = history.loss().getLast();
        int window = (int) (lastWindow.step() - history.loss().get(history.loss().size() - 2).step());
        double mean = 0;
        for (int i = batches.length - window; i < batches.length; i++) {
            mean += batches[i];
        }
        assertThat(mean / window).isCloseTo(lastWindow.loss(), org.assertj.core.api.Assertions.within(1e-5));
        org.flowfield.data.PointCloud last = service.snapshot(alice, reference.id(), reference.config().epochs() - 1).orElseThrow();
        assertThat(last.size()).isEqualTo(1000);
        assertThat(last.conditional()).isTrue();
        org.flowfield.training.Checkpoint model = service.finalCheckpoint(alice, reference.id());
        assertThat(model.config()).isEqualTo(reference.config());
        assertThat(model.step()).isEqualTo(reference.totalSteps());
        assertThat(service.snapshot(alice, reference.id(), reference.config().epochs())).isEmpty();
    }

    @Test
    void anUnfinishedRunHasNoFinalModel() {
        Run run = service.queue(alice, RunPresets.smoke(ModelFamily.FLOW_MATCHING));

        assertThatThrownBy(() -> service.finalCheckpoint(alice, run.id()))
                .isInstanceOf(RunNotFinishedException.class)
                .hasMessage("run " + run.id() + " is queued, not finished");
        assertThat(service.history(alice, run.id()).loss()).isEmpty();
        assertThat(service.history(alice, run.id()).epochs()).isEmpty();
    }

    @Test
    void cancellingAQueuedRunEndsItAndCancellingAgainChangesNothing() {
        Run run = service.queue(alice, RunPresets.smoke(ModelFamily.FLOW_MATCHING));

        Run cancelled = service.cancel(alice, run.id());
        assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(cancelled.finishedAt()).isNotNull();
        assertThat(service.cancel(alice, run.id())).isEqualTo(cancelled);
    }

    @Test
    void aUsersRunsAreListedNewestFirst() {
        Run first = service.queue(alice, RunPresets.smoke(ModelFamily.FLOW_MATCHING));
        Run second = service.queue(alice, RunPresets.smoke(ModelFamily.NORMALIZING_FLOW));

        assertThat(service.listOwn(alice)).extracting(Run::id).containsExactly(second.id(), first.id());
    }
}
