package org.flowfield.runs;

import java.util.UUID;

/** Asked for something only a finished run has (its final model), of a run that has not finished. */
public class RunNotFinishedException extends RuntimeException {

    public RunNotFinishedException(UUID runId, RunStatus status) {
        super("run " + runId + " is " + status.name().toLowerCase(java.util.Locale.ROOT) + ", not finished");
    }
}
