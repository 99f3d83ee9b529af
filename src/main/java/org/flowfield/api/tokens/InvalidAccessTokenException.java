package org.flowfield.api.tokens;

/** A token that cannot be created as asked (its name, or one token too many); nothing was stored. */
public class InvalidAccessTokenException extends RuntimeException {

    public InvalidAccessTokenException(String message) {
        super(message);
    }
}
