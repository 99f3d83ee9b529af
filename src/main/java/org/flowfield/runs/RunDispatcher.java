package org.flowfield.runs;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flowfield.queue.FairOrder;
import org.flowfield.queue.CurrentQueueLimits;
import org.flowfield.queue.QueuedRun;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts queued runs when slots are free, in the fair order (round robin by user, first in first
 * out within a user), and hands each to the job engine once the start has committed. A database
 * lock makes one dispatcher at a time decide, however many servers share the database.
 */
@Component
@ConditionalOnProperty(name = "flowfield.queue.dispatch", havingValue = "true", matchIfMissing = true)
class RunDispatcher {

    private final RunRepository runs;
    private final RunFiles files;
    private final CurrentQueueLimits limits;
    private final TrainingJobs jobs;
    private final ActiveTrainings active;
    private final Clock clock;

    RunDispatcher(RunRepository runs, RunFiles files, CurrentQueueLimits limits, TrainingJobs jobs, ActiveTrainings active, Clock clock) {
        this.runs = runs;
        this.files = files;
        this.limits = limits;
        this.jobs = jobs;
        this.active = active;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${flowfield.queue.dispatch-interval-ms}")
    @Transactional
    public void dispatch() {
        if (active.stopping()) {
            return;
        }
        runs.lockQueue();
        int free = limits.get().freeSlots((int) runs.countRunning());
        if (free == 0) {
            return;
        }
        List<QueuedRun> queued = runs.queued();
        if (queued.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (QueuedRun next : FairOrder.nextToStart(queued, runs.lastStartedByOwner(), free, now)) {
            UUID jobId = UUID.randomUUID();
            if (runs.markStarted(next.runId(), now, files.checkpoint(next.runId()).getFileName().toString(), jobId)) {
                jobs.enqueueAfterCommit(next.runId(), jobId);
            }
        }
    }
}
