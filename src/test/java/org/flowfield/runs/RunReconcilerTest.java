package org.flowfield.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.settings.RunPresets;
import org.flowfield.training.ProgressReport;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ways a started run could be stranded, each met by the reconciler or the service: a job
 * enqueued before its start committed, a job that failed outside the trainer, a job missing from
 * the job engine, a run handed back by a stopping server, a cancel while no trainer holds the run,
 * and a trainer that goes on after its run was taken over. The job engine's workers are off, so
 * every job stays where the test puts it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/reconcile-${random.uuid}",
    "flowfield.queue.slots=1",
    "flowfield.queue.dispatch-interval-ms=86400000",
    "flowfield.queue.reconcile-interval-ms=86400000",
    "jobrunr.background-job-server.enabled=false"
})
class RunReconcilerTest {

    @Autowired
    RunDispatcher dispatcher;

    @Autowired
    RunReconciler reconciler;

    @Autowired
    RunService service;

    @Autowired
    RunRepository runs;

    @Autowired
    StorageProvider jobs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    UUID owner;

    @BeforeEach
    void account() {
        jdbc.sql("update run set status = 'CANCELLED', job_id = null where status in ('QUEUED', 'RUNNING')").update();
        owner = UUID.randomUUID();
        jdbc.sql("insert into account (id, username, password_hash, created_at) values (?, ?, ?, ?)")
                .params(owner, "r" + owner.toString().substring(0, 8), "$2a$04$unused", Timestamp.from(Instant.now()))
                .update();
    }

    private UUID started() {
        UUID run = service.queue(owner, RunPresets.smoke(ModelFamily.FLOW_MATCHING)).id();
        dispatcher.dispatch();
        assertThat(service.find(owner, run).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        return run;
    }

    private UUID jobOf(UUID run) {
        return runs.jobOf(run).orElseThrow();
    }

    /** The job as a worker of a server that has since died left it: processing. */
    private void processingOnAServerThatDied(UUID jobId) {
        Job job = jobs.getJobById(jobId);
        java.util.List<org.jobrunr.jobs.states.JobState> history = new java.util.ArrayList<>(job.getJobStates());
        history.add(new org.jobrunr.jobs.states.ProcessingState(UUID.randomUUID(), "a server that died"));
        jobs.save(new Job(job.getId(), job.getVersion(), job.getJobDetails(), history,
                new java.util.concurrent.ConcurrentHashMap<>(job.getMetadata())));
    }

    private StateName state(UUID job) {
        return jobs.getJobById(job).getState();
    }

    @Test
    void aJobIsEnqueuedOnlyAfterTheTransactionThatStartedItsRunCommits() {
        UUID run = service.queue(owner, RunPresets.smoke(ModelFamily.FLOW_MATCHING)).id();
        long enqueuedBefore = jobs.countJobs(StateName.ENQUEUED);

        transaction.executeWithoutResult(status -> {
            dispatcher.dispatch();
            UUID job = jobOf(run);
            assertThatThrownBy(() -> jobs.getJobById(job)).as("not enqueued before the commit")
                    .isInstanceOf(org.jobrunr.storage.JobNotFoundException.class);
            status.setRollbackOnly();
        });

        assertThat(service.find(owner, run).orElseThrow().status()).as("the start rolled back").isEqualTo(RunStatus.QUEUED);
        assertThat(jobs.countJobs(StateName.ENQUEUED)).as("no job for a start that never committed").isEqualTo(enqueuedBefore);
        dispatcher.dispatch();
        assertThat(state(jobOf(run))).isEqualTo(StateName.ENQUEUED);
    }

    @Test
    void aRunWhoseJobFailedOutsideItsTrainerEndsFailedWithTheReasonAndFreesItsSlot() {
        UUID run = started();
        processingOnAServerThatDied(jobOf(run));
        Job job = jobs.getJobById(jobOf(run));
        job.failed("the worker died", new IllegalStateException("out of native memory"));
        jobs.save(job);

        reconciler.reconcile();

        Run failed = service.find(owner, run).orElseThrow();
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("internal error: out of native memory");
        assertThat(runs.countRunning()).as("its slot is free").isZero();
    }

    @Test
    void aRunWhoseJobIsMissingGetsANewJobOnceTheEnqueueHadTimeToHappen() {
        UUID run = started();
        UUID lost = jobOf(run);
        jobs.deletePermanently(lost);

        reconciler.reconcile();
        assertThat(jobOf(run)).as("within the grace after its start, a missing job may still be on its way").isEqualTo(lost);

        jdbc.sql("update run set job_assigned_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minus(RunReconciler.ENQUEUE_GRACE).minusSeconds(1)), run).update();
        reconciler.reconcile();

        UUID replacement = jobOf(run);
        assertThat(replacement).isNotEqualTo(lost);
        assertThat(state(replacement)).isEqualTo(StateName.ENQUEUED);
        assertThat(service.find(owner, run).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void aRunHandedBackByAStoppingServerWaitsToResumeAndGetsANewJobAtOnce() {
        UUID run = started();
        UUID first = jobOf(run);
        assertThat(new HeldRun(run, first, jdbc, transaction).handBack()).isTrue();

        Run waiting = service.find(owner, run).orElseThrow();
        assertThat(waiting.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(waiting.waitingToResume()).isTrue();
        assertThat(runs.jobOf(run)).isEmpty();

        reconciler.reconcile();

        UUID second = jobOf(run);
        assertThat(second).isNotEqualTo(first);
        assertThat(state(second)).isEqualTo(StateName.ENQUEUED);
        assertThat(service.find(owner, run).orElseThrow().waitingToResume()).as("until a trainer claims it").isTrue();
        assertThat(new HeldRun(run, second, jdbc, transaction).claim("CPU")).isTrue();
        assertThat(service.find(owner, run).orElseThrow().waitingToResume()).isFalse();
    }

    @Test
    void cancellingARunThatNoLiveTrainerHoldsEndsItAtOnce() {
        UUID enqueued = started();
        assertThat(service.cancel(owner, enqueued).status()).as("a job waiting for a worker").isEqualTo(RunStatus.CANCELLED);

        UUID handedBack = started();
        new HeldRun(handedBack, jobOf(handedBack), jdbc, transaction).handBack();
        assertThat(service.cancel(owner, handedBack).status()).as("a run waiting to resume").isEqualTo(RunStatus.CANCELLED);

        UUID orphan = started();
        processingOnAServerThatDied(jobOf(orphan));
        assertThat(service.cancel(owner, orphan).status()).as("a run whose job's server is gone").isEqualTo(RunStatus.CANCELLED);
        assertThat(runs.countRunning()).isZero();
    }

    @Test
    void aTrainerWhoseRunWasGivenAnotherJobWritesNothing() {
        UUID run = started();
        HeldRun stale = new HeldRun(run, jobOf(run), jdbc, transaction);
        assertThat(stale.claim("CPU")).isTrue();
        stale.handBack();
        reconciler.reconcile();
        HeldRun current = new HeldRun(run, jobOf(run), jdbc, transaction);
        assertThat(current.claim("CPU")).isTrue();

        ProgressReport report = new ProgressReport(50, 100, 0, 50, 1.0, Double.NaN, Double.NaN, 1e-3, 100);
        assertThatThrownBy(() -> stale.recordProgress(report)).isInstanceOf(HeldRun.LostException.class);
        assertThatThrownBy(stale::cancelRequested).isInstanceOf(HeldRun.LostException.class);
        assertThat(stale.handBack()).isFalse();
        assertThat(stale.end(RunStatus.FAILED, "stale", Instant.now())).isFalse();
        assertThat(runs.recordedSteps(run)).as("nothing the stale trainer wrote").isEmpty();

        current.recordProgress(report);
        assertThat(runs.recordedSteps(run)).containsExactly(50L);
        assertThat(service.find(owner, run).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void aRunWhoseServerDiedResumesWithANewJobWhetherTheJobEngineNoticedOrNot() {
        UUID run = started();
        UUID first = jobOf(run);
        processingOnAServerThatDied(first);

        reconciler.reconcile();

        UUID second = jobOf(run);
        assertThat(second).as("a processing job on a server that sends no heartbeat").isNotEqualTo(first);
        Run waiting = service.find(owner, run).orElseThrow();
        assertThat(waiting.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(waiting.waitingToResume()).isTrue();

        processingOnAServerThatDied(second);
        Job orphaned = jobs.getJobById(second);
        orphaned.failed("Orphaned job", new org.jobrunr.jobs.exceptions.IllegalJobThreadStateException("no heartbeat"));
        jobs.save(orphaned);
        reconciler.reconcile();

        UUID third = jobOf(run);
        assertThat(third).as("a job the engine failed as orphaned is a crash, not the run's failure").isNotEqualTo(second);
        assertThat(state(third)).isEqualTo(StateName.ENQUEUED);
        assertThat(jdbc.sql("select interruptions from run where id = ?").param(run).query(Integer.class).single()).isEqualTo(2);
    }
}
