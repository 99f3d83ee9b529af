package org.flowfield.runs;

import java.util.UUID;

/**
 * How a run is shared.
 *
 * @param classroomId the class it is shared with (CLASS only)
 * @param token the secret of its share link (LINK only); the link is {@code /shared/<token>}
 */
public record RunSharing(UUID runId, Sharing mode, UUID classroomId, String token) {

    public static RunSharing privateRun(UUID runId) {
        return new RunSharing(runId, Sharing.PRIVATE, null, null);
    }
}
