package org.flowfield.runs;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.flowfield.runs.live.RunUpdate;
import org.flowfield.runs.live.RunUpdates;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the watchers of runs that who may see them changed, once the change is committed: each
 * watcher then checks its access again, and a page that may no longer show a run closes it
 * ({@link RunService#watch}).
 */
@Component
class AccessChanges {

    private final RunUpdates updates;

    AccessChanges(RunUpdates updates) {
        this.updates = updates;
    }

    void announce(UUID runId) {
        announce(List.of(runId));
    }

    void announce(Collection<UUID> runIds) {
        List<UUID> ids = List.copyOf(runIds);
        afterCommit(() -> ids.forEach(id -> updates.publish(new RunUpdate.AccessChanged(id))));
    }

    /** Runs the action after the current transaction commits (at once outside a transaction). */
    static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
