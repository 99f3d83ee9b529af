package org.flowfield.classrooms;

import java.util.UUID;

/**
 * A class is about to be deleted (its instructor's account is being deleted). Published inside the
 * deleting transaction, before the class's row goes, after a {@link MembershipEnded} for each member.
 */
public record ClassroomClosing(UUID classroomId) {}
