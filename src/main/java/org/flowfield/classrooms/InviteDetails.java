package org.flowfield.classrooms;

/**
 * What a joining account is told before it joins: the class and who teaches it.
 *
 * @param inviteCode the code as stored (normalised)
 */
public record InviteDetails(String inviteCode, String classroomName, String instructorUsername) {}
