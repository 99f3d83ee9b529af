package org.flowfield.runs;

import java.util.UUID;

/**
 * No run with this id exists for the caller. A run that exists but that the caller may not see
 * raises exactly this, with the same message, so that a guessed id reveals nothing.
 */
public class RunNotFoundException extends RuntimeException {

    public RunNotFoundException(UUID runId) {
        super("Run " + runId + " was not found");
    }

    private RunNotFoundException(String message) {
        super(message);
    }

    /** A share link that shares nothing: it never did, or it was revoked. */
    public static RunNotFoundException forLink() {
        return new RunNotFoundException("No run is shared by this link");
    }
}
