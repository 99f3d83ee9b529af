package org.flowfield.classrooms;

/**
 * What a class's instructor sees of a member, in words: the join form shows it before anyone joins,
 * and {@code org.flowfield.runs.ClassroomRunsService} and the run visibility rules enforce exactly it.
 */
public final class WhatTheInstructorSees {

    public static final String TEXT = "The instructor will see your username, the runs you share with this class, and "
            + "for each of your other runs only that it exists while it waits or trains: its status and its place in the "
            + "shared queue, never its name, settings or results. Private runs stay private. You can leave the class at "
            + "any time; leaving withdraws the runs you shared with it.";

    private WhatTheInstructorSees() {}
}
