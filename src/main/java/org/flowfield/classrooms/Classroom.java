package org.flowfield.classrooms;

import java.time.Instant;
import java.util.UUID;

/**
 * A class of students. Its creator is its instructor; students join with the invite code.
 *
 * @param name what the instructor called it (shown as text, never interpreted)
 * @param inviteCode the unguessable code that lets an account join
 */
public record Classroom(UUID id, String name, UUID instructorId, String inviteCode, Instant createdAt) {

    public boolean instructedBy(UUID accountId) {
        return instructorId.equals(accountId);
    }
}
