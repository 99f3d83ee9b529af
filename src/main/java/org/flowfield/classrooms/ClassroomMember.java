package org.flowfield.classrooms;

import java.time.Instant;
import java.util.UUID;

/** An account in a class, with its username (shown as text). */
public record ClassroomMember(UUID accountId, String username, boolean instructor, Instant joinedAt) {}
