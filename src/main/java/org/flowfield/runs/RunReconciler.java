package org.flowfield.runs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.flowfield.runs.live.RunUpdate;
import org.flowfield.runs.live.RunUpdates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure no started run is stranded: at start-up and every few seconds it compares every
 * RUNNING run with its job in the job engine. A run without a job (handed back by a stopping
 * server), whose job is missing, whose server died, or whose trainer returned without ending it
 * gets a new job at once, without a back-off; a run whose job failed outside the trainer's
 * handling ends FAILED with the reason. A run its owner cancelled while no trainer held it ends
 * CANCELLED. Runs under the queue lock, so servers sharing the database take turns.
 */
@Component
@ConditionalOnProperty(name = "flowfield.queue.dispatch", havingValue = "true", matchIfMissing = true)
class RunReconciler {

    private static final Logger log = LoggerFactory.getLogger(RunReconciler.class);

    /** How long a freshly assigned job may be missing from the job engine (it is enqueued after its commit). */
    static final Duration ENQUEUE_GRACE = Duration.ofSeconds(10);

    private final RunRepository runs;
    private final TrainingJobs jobs;
    private final ActiveTrainings active;
    private final RunUpdates updates;
    private final Clock clock;

    RunReconciler(RunRepository runs, TrainingJobs jobs, ActiveTrainings active, RunUpdates updates, Clock clock) {
        this.runs = runs;
        this.jobs = jobs;
        this.active = active;
        this.updates = updates;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(initialDelayString = "${flowfield.queue.reconcile-interval-ms}", fixedDelayString = "${flowfield.queue.reconcile-interval-ms}")
    @Transactional
    public void reconcile() {
        if (active.stopping()) {
            return;
        }
        runs.lockQueue();
        Instant now = clock.instant();
        var servers = jobs.servers();
        for (StartedRun run : runs.started()) {
            if (run.jobId() == null) {
                resume(run, "it was handed back", false, now);
                continue;
            }
            switch (jobs.fate(run.jobId(), servers)) {
                case TrainingJobs.Fate.Alive alive -> { }
                case TrainingJobs.Fate.Missing missing -> {
                    if (run.jobAssignedAt() == null || run.jobAssignedAt().isBefore(Instant.now().minus(ENQUEUE_GRACE))) {
                        resume(run, "its job is missing from the job engine", false, now);
                    }
                }
                case TrainingJobs.Fate.Interrupted interrupted -> resume(run, interrupted.why(), true, now);
                case TrainingJobs.Fate.Failed failed -> {
                    if (runs.end(run.id(), RunStatus.FAILED, failed.reason(), now)) {
                        log.warn("run {} failed: {}", run.id(), failed.reason());
                        updates.publish(new RunUpdate.StatusChanged(run.id()));
                    }
                }
            }
        }
    }

    private void resume(StartedRun run, String why, boolean interrupted, Instant now) {
        if (run.cancelRequested()) {
            if (runs.end(run.id(), RunStatus.CANCELLED, null, now)) {
                updates.publish(new RunUpdate.StatusChanged(run.id()));
            }
            return;
        }
        UUID jobId = UUID.randomUUID();
        if (runs.reassignJob(run.id(), run.jobId(), jobId, now, interrupted)) {
            log.info("run {}: {}; it resumes from its last checkpoint as job {}", run.id(), why, jobId);
            jobs.enqueueAfterCommit(run.id(), jobId);
            updates.publish(new RunUpdate.StatusChanged(run.id()));
        }
    }
}
