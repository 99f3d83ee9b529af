package org.flowfield.classrooms;

import java.util.UUID;

/** A class that does not exist, or that the caller is not in: the two answer alike. */
public class ClassroomNotFoundException extends RuntimeException {

    public ClassroomNotFoundException(UUID classroomId) {
        super("class " + classroomId + " not found");
    }
}
