package org.flowfield.runs;

/** Queuing a run or storing a data set would keep more than one account may store. */
public class StorageQuotaExceededException extends RuntimeException {

    private final int limit;

    StorageQuotaExceededException(long runs, long dataSets, int limit) {
        super(dataSets == 0
                ? "You keep " + runs + (runs == 1 ? " run" : " runs") + ", the most one account may store (" + limit
                        + "). Delete runs you no longer need to queue new ones."
                : "You keep " + runs + (runs == 1 ? " run" : " runs") + " and " + dataSets + (dataSets == 1 ? " data set" : " data sets")
                        + ", the most one account may store together (" + limit + "). Delete runs or data sets you no longer need to make room.");
        this.limit = limit;
    }

    /** How many runs an account may store. */
    public int limit() {
        return limit;
    }
}
