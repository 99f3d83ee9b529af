package org.flowfield.runs;

/** Queuing a run would keep more runs than one account may store. */
public class StorageQuotaExceededException extends RuntimeException {

    private final int limit;

    StorageQuotaExceededException(long stored, int limit) {
        super("You keep " + stored + (stored == 1 ? " run" : " runs") + ", the most one account may store (" + limit
                + "). Delete runs you no longer need to queue new ones.");
        this.limit = limit;
    }

    /** How many runs an account may store. */
    public int limit() {
        return limit;
    }
}
