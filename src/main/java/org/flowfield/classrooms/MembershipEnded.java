package org.flowfield.classrooms;

import java.util.UUID;

/**
 * An account is no longer in a class (it left, was removed, or the class was closed). Published
 * inside the transaction that ends the membership, so that what the member shared with the class
 * is withdrawn in that same transaction.
 */
public record MembershipEnded(UUID classroomId, UUID accountId) {}
