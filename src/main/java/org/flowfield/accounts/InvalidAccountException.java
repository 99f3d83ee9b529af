package org.flowfield.accounts;

import java.util.Objects;

/**
 * Thrown when a sign-up's username or password, or a password change, breaks one of {@link
 * AccountRules}; nothing was stored. The message is worded for the person who typed it.
 */
public class InvalidAccountException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field {@link AccountRules#USERNAME_FIELD}, {@link AccountRules#PASSWORD_FIELD}, {@link
     *     AccountRules#CURRENT_PASSWORD_FIELD} or {@link AccountRules#NEW_PASSWORD_FIELD}
     * @param message what is wrong and what is allowed, e.g. "Password must be at least 8 characters"
     */
    public InvalidAccountException(String field, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The field the message belongs next to: "username", "password", "currentPassword" or "newPassword". */
    public String field() {
        return field;
    }
}
