package org.flowfield.runs;

import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.flowfield.accounts.AccountService;
import org.flowfield.datasets.RunLookup;
import org.flowfield.datasets.StorageFullException;
import org.flowfield.datasets.StorageRoom;
import org.springframework.stereotype.Component;

/** What the users' data sets ask of the runs: who may see a run, and room in the storage quota they share. */
@Component
class RunsForDataSets implements RunLookup, StorageRoom {

    private final RunRepository runs;
    private final StorageQuota quota;

    RunsForDataSets(RunRepository runs, StorageQuota quota) {
        this.runs = runs;
        this.quota = quota;
    }

    @Override
    public Optional<String> visibleRunName(UUID viewerId, UUID runId) {
        return runs.findVisible(runId, viewerId, AccountService.REFERENCE_ACCOUNT_ID).map(Run::name);
    }

    @Override
    public void requireRoomForOneMore(UUID ownerId, LongSupplier storedDataSets) {
        runs.lockOwner(ownerId);
        try {
            quota.requireRoomForOneMore(runs.countStored(ownerId), storedDataSets.getAsLong());
        } catch (StorageQuotaExceededException e) {
            throw new StorageFullException(e.getMessage());
        }
    }
}
