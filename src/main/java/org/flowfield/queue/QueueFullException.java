package org.flowfield.queue;

/** A user tried to queue a run while already having as many runs waiting as allowed. */
public class QueueFullException extends RuntimeException {

    private final String owner;
    private final long queued;
    private final int limit;

    public QueueFullException(String owner, long queued, int limit) {
        super(message(queued, limit));
        this.owner = owner;
        this.queued = queued;
        this.limit = limit;
    }

    private static String message(long queued, int limit) {
        return "You already have " + queued + (queued == 1 ? " run" : " runs")
                + " waiting in the queue (the limit is " + limit + "). Wait for one to start or cancel one.";
    }

    /** The user whose run was refused. */
    public String owner() {
        return owner;
    }

    /** How many runs the user had waiting when refused. */
    public long queued() {
        return queued;
    }

    /** How many runs a user may have waiting. */
    public int limit() {
        return limit;
    }
}
