package org.flowfield.runs;

/** Where a run is in its life. */
public enum RunStatus {
    QUEUED,
    RUNNING,
    FINISHED,
    FAILED,
    CANCELLED;

    /** Whether the run will not change any more. */
    public boolean terminal() {
        return this == FINISHED || this == FAILED || this == CANCELLED;
    }
}
