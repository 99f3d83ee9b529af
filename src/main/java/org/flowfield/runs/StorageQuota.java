package org.flowfield.runs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many runs one account may keep: every stored run counts, whatever its status (queued,
 * training, finished, failed or cancelled), since each holds a folder of files, and so does each
 * data set the account drew or uploaded (each holds up to its bounded number of points); deleting
 * a run or a data set frees its place. A run's files are bounded by its settings' limits, so a number of runs bounds
 * the bytes too, and unlike bytes it is known before the run trains. The reference runs count for
 * nobody. Set by {@code flowfield.runs.max-stored-per-account}.
 */
@Component
public class StorageQuota {

    /** The largest quota an administrator may set. */
    public static final int MAX_STORED_RUNS = 100_000;

    private volatile int maxStoredRuns;

    StorageQuota(@Value("${flowfield.runs.max-stored-per-account}") int maxStoredRuns) {
        if (maxStoredRuns < 1) {
            throw new IllegalArgumentException("flowfield.runs.max-stored-per-account must be at least 1, not " + maxStoredRuns);
        }
        this.maxStoredRuns = maxStoredRuns;
    }

    /** Runs one account may keep. */
    public int maxStoredRuns() {
        return maxStoredRuns;
    }

    /** Changes the quota from the next queued run on; accounts already past it keep their runs. */
    public void change(int maxStoredRuns) {
        if (maxStoredRuns < 1 || maxStoredRuns > MAX_STORED_RUNS) {
            throw new IllegalArgumentException("The storage quota is 1 to " + MAX_STORED_RUNS + " runs, not " + maxStoredRuns);
        }
        this.maxStoredRuns = maxStoredRuns;
    }

    /** @throws StorageQuotaExceededException when one more run or data set would pass the quota */
    void requireRoomForOneMore(long storedRuns, long storedDataSets) {
        if (storedRuns + storedDataSets >= maxStoredRuns) {
            throw new StorageQuotaExceededException(storedRuns, storedDataSets, maxStoredRuns);
        }
    }
}
