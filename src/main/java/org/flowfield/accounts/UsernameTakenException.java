package org.flowfield.accounts;

import java.util.Objects;

/**
 * Thrown when a sign-up asks for a username that an account already has, in any mix of upper
 * and lower case; nothing was stored.
 */
public class UsernameTakenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String username;

    /** @param username the username as the user typed it (stripped) */
    public UsernameTakenException(String username, Throwable cause) {
        super("The username '" + Objects.requireNonNull(username, "username") + "' is taken", cause);
        this.username = username;
    }

    /** The username as the user typed it (stripped). */
    public String username() {
        return username;
    }

    /** The field the message belongs next to. */
    public String field() {
        return AccountRules.USERNAME_FIELD;
    }
}
