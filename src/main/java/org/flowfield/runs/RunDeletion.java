package org.flowfield.runs;

import org.flowfield.security.SecurityEvent;
import org.flowfield.security.SecurityLog;
import java.time.Clock;
import java.util.UUID;
import org.flowfield.accounts.AccountService;
import org.flowfield.runs.live.RunUpdate;
import org.flowfield.runs.live.RunUpdates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deleting a run, by its owner only: a queued run is cancelled and a training one is ended first
 * (its trainer's next write fails its fence, so it stops and writes nothing more), then its rows go
 * in one transaction with a note that its folder is to be removed; the folder is removed after the
 * commit, and if a crash comes first, at the next start ({@link DeletedRunSweep}). A deleted run's
 * job finds no run to claim and does nothing. Pages that show the run close, as when access is
 * revoked.
 */
@Service
public class RunDeletion {

    private static final Logger log = LoggerFactory.getLogger(RunDeletion.class);
    /** Where deletions are logged for the security log to collect. */
    private final SecurityLog securityLog;

    private final RunRepository runs;
    private final RunFiles files;
    private final TrainingJobs jobs;
    private final AccessChanges accessChanges;
    private final RunUpdates updates;
    private final Clock clock;
    /** For what runs after the commit: a transaction of its own (the deleting one is over). */
    private final TransactionTemplate afterwards;

    RunDeletion(RunRepository runs, RunFiles files, TrainingJobs jobs, AccessChanges accessChanges, RunUpdates updates, Clock clock,
            PlatformTransactionManager transactions, SecurityLog securityLog) {
        this.securityLog = securityLog;
        this.afterwards = new TransactionTemplate(transactions);
        this.afterwards.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.runs = runs;
        this.files = files;
        this.jobs = jobs;
        this.accessChanges = accessChanges;
        this.updates = updates;
        this.clock = clock;
    }

    /**
     * Deletes the owner's run with its files.
     *
     * @throws RunNotFoundException when the caller does not own the run, exactly as for one that
     *     does not exist (also when the caller sees it, shared, and for the reference runs)
     */
    @Transactional
    public void delete(UUID ownerId, UUID runId) {
        if (AccountService.REFERENCE_ACCOUNT_ID.equals(ownerId)) {
            throw new RunNotFoundException(runId);
        }
        Run run = runs.lockOwned(runId, ownerId).orElseThrow(() -> new RunNotFoundException(runId));
        deleteLocked(run);
        AccessChanges.afterCommit(() -> securityLog.record(ownerId, SecurityEvent.DELETED, "run " + runId + " \"" + run.name() + "\""));
    }

    /** Deletes every run of an account being deleted, in the caller's transaction. */
    void deleteAllOf(UUID ownerId) {
        for (UUID runId : runs.idsOwned(ownerId)) {
            runs.lockOwned(runId, ownerId).ifPresent(this::deleteLocked);
        }
    }

    private void deleteLocked(Run run) {
        UUID runId = run.id();
        boolean trainerMayWrite = false;
        if (run.status() == RunStatus.QUEUED) {
            runs.transition(runId, RunStatus.QUEUED, RunStatus.CANCELLED, clock.instant());
        } else if (run.status() == RunStatus.RUNNING) {
            trainerMayWrite = runs.jobOf(runId).map(jobs::heldByLiveServer).orElse(false);
            runs.requestCancel(runId);
            runs.end(runId, RunStatus.CANCELLED, null, clock.instant());
        }
        runs.delete(runId, clock.instant());
        accessChanges.announce(runId);
        boolean keepNote = trainerMayWrite;
        AccessChanges.afterCommit(() -> {
            updates.publish(new RunUpdate.StatusChanged(runId));
            // a trainer ended just now may finish one last file write: the sweep at the next start removes it
            if (files.deleteFolder(runId) && !keepNote) {
                afterwards.executeWithoutResult(status -> runs.forgetDeletion(runId));
            }
            log.info("run {} deleted", runId);
        });
    }
}
