package org.flowfield.classrooms;

/** A class name or invite code that cannot be used, with the reason in words. */
public class InvalidClassroomException extends IllegalArgumentException {

    public InvalidClassroomException(String message) {
        super(message);
    }
}
