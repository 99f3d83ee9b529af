package org.flowfield.admin;

/** An account the administration cannot disable or enable (unknown, or an administrator's); nothing changed. */
public class InvalidAccountChangeException extends RuntimeException {

    public InvalidAccountChangeException(String message) {
        super(message);
    }
}
