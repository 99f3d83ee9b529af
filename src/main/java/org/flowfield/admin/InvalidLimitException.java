package org.flowfield.admin;

/** A limit change that names no limit, or a value outside the limit's bounds; nothing was changed. */
public class InvalidLimitException extends RuntimeException {

    public InvalidLimitException(String message) {
        super(message);
    }
}
