package org.flowfield.runs;

import java.util.UUID;

/** Something only a run's owner may do, asked by someone who can see the run but does not own it. */
public class NotRunOwnerException extends RuntimeException {

    public NotRunOwnerException(UUID runId) {
        super("only the owner of run " + runId + " can change how it is shared");
    }
}
