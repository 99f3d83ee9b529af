package org.flowfield.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flowfield.accounts.AccountService;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.live.RunUpdate;
import org.flowfield.runs.settings.RunPresets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deleting runs: rows and files go together, a queued or training run is cancelled first, its job
 * never brings it back, a crash between the commit and the files is swept at the next start, and
 * the storage quota counts what is kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/privacy-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4",
    "flowfield.runs.max-stored-per-account=3"
})
class RunDeletionTest {

    @Autowired AccountService accounts;
    @Autowired RunService runs;
    @Autowired RunDeletion deletion;
    @Autowired RunFiles files;
    @Autowired RunRepository repository;
    @Autowired DeletedRunSweep sweep;
    @Autowired TrainingJob trainingJob;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired org.flowfield.runs.live.RunUpdates updates;
    @Autowired ApplicationContext context;

    UUID owner;

    @BeforeEach
    void owner() {
        owner = accounts.signUp("deleter-" + UUID.randomUUID().toString().substring(0, 8), "a long password").id();
    }

    private long rows(String table, UUID runId) {
        String column = table.equals("run") ? "id" : "run_id";
        return jdbc.sql("select count(*) from " + table + " where " + column + " = ?").param(runId).query(Long.class).single();
    }

    private void assertGone(UUID runId) {
        for (String table : List.of("run", "run_progress", "run_epoch", "run_link_grant", "run_deletion")) {
            assertThat(rows(table, runId)).as(table).isZero();
        }
        assertThat(files.directory(runId)).doesNotExist();
    }

    @Test
    void aFinishedRunGoesWithItsRowsAndFilesAndTheQuotaCountsWhatIsKept() {
        Run first = FinishedRuns.copyOfReference(context, ModelFamily.NORMALIZING_FLOW, owner, "first");
        Run second = FinishedRuns.copyOfReference(context, ModelFamily.FLOW_MATCHING, owner, "second");
        runs.queue(owner, RunPresets.smoke(ModelFamily.FLOW_MATCHING));
        assertThat(rows("run_epoch", first.id())).isPositive();
        assertThat(files.checkpoint(first.id())).exists();

        assertThatThrownBy(() -> runs.queue(owner, RunPresets.smoke(ModelFamily.FLOW_MATCHING)))
                .isInstanceOf(StorageQuotaExceededException.class)
                .hasMessage("You keep 3 runs, the most one account may store (3). Delete runs you no longer need to queue new ones.");
        assertThat(repository.countStored(owner)).isEqualTo(3);

        deletion.delete(owner, first.id());

        assertGone(first.id());
        assertThat(files.checkpoint(second.id())).as("another run's files").exists();
        assertThat(runs.queue(owner, RunPresets.smoke(ModelFamily.NORMALIZING_FLOW)).ownerId()).isEqualTo(owner);
    }

    @Test
    void aQueuedRunIsCancelledThenDeletedAndItsJobDoesNotBringItBack() {
        Run queued = runs.queue(owner, RunPresets.smoke(ModelFamily.FLOW_MATCHING));
        List<RunUpdate> ownerSaw = new ArrayList<>();
        runs.watch(owner, queued.id(), ownerSaw::add);
        UUID job = UUID.randomUUID();

        deletion.delete(owner, queued.id());
        boolean started = transaction.execute(status -> repository.markStarted(queued.id(), Instant.now(), "checkpoint.bin", job));
        trainingJob.train(queued.id(), job);

        assertThat(started).as("the dispatcher finds no queued run to start").isFalse();
        assertGone(queued.id());
        assertThat(ownerSaw).contains(new RunUpdate.AccessLost(queued.id()));
        assertThat(updates.watchers(queued.id())).isZero();
    }

    @Test
    void aTrainingRunIsEndedThenDeletedAndItsTrainerCanNoLongerWrite() throws IOException {
        Run run = runs.queue(owner, RunPresets.smoke(ModelFamily.NORMALIZING_FLOW));
        UUID job = UUID.randomUUID();
        transaction.executeWithoutResult(status -> repository.markStarted(run.id(), Instant.now(), "checkpoint.bin", job));
        Files.createDirectories(files.directory(run.id()));
        Files.write(files.batchLosses(run.id()), new byte[64]);
        HeldRun trainer = new HeldRun(run.id(), job, jdbc, transaction);
        assertThat(trainer.claim("CPU")).isTrue();

        deletion.delete(owner, run.id());

        assertGone(run.id());
        assertThat(trainer.claim("CPU")).isFalse();
        assertThatThrownBy(trainer::cancelRequested).isInstanceOf(HeldRun.LostException.class);
        assertThat(trainer.end(RunStatus.FAILED, "late", Instant.now())).isFalse();
        assertGone(run.id());
    }

    @Test
    void filesLeftByACrashAfterTheCommitAreSweptAtTheNextStart() throws IOException {
        UUID deleted = UUID.randomUUID();
        Path folder = files.directory(deleted);
        Files.createDirectories(folder.resolve("nested"));
        Files.write(folder.resolve("samples-0.bin"), new byte[16]);
        Files.write(folder.resolve("nested").resolve("left.tmp"), new byte[16]);
        jdbc.sql("insert into run_deletion (run_id, deleted_at) values (?, ?)").params(deleted, Timestamp.from(Instant.now())).update();
        Run kept = FinishedRuns.copyOfReference(context, ModelFamily.NORMALIZING_FLOW, owner, "kept");

        sweep.sweep();

        assertThat(folder).doesNotExist();
        assertThat(rows("run_deletion", deleted)).isZero();
        assertThat(files.checkpoint(kept.id())).exists();
    }

    @Test
    void badPagesAreRefusedAndLargeOnesCutToThePageSize() {
        assertThatThrownBy(() -> runs.listVisible(owner, -1, 10)).hasMessage("A page starts at run 0 or later, not at -1.");
        assertThatThrownBy(() -> runs.listVisible(owner, 0, 0)).hasMessage("A page holds at least 1 run, not 0.");
        assertThat(Paging.limit(0, Integer.MAX_VALUE)).isEqualTo(Paging.PAGE_SIZE);
        Run mine = runs.queue(owner, RunPresets.smoke(ModelFamily.FLOW_MATCHING));
        List<Run> page = runs.listVisible(owner, 0, Integer.MAX_VALUE);
        assertThat(page).hasSizeLessThanOrEqualTo(Paging.PAGE_SIZE).first().extracting(Run::id).isEqualTo(mine.id());
        assertThat(runs.countVisible(owner)).isEqualTo(1 + runs.listReference().size());
        assertThat(runs.listVisible(owner, 1, 1)).extracting(Run::ownerId).containsExactly(AccountService.REFERENCE_ACCOUNT_ID);
    }
}
