package org.flowfield.api.tokens;

/** A valid token of an account an administrator disabled. */
public class DisabledAccountException extends RuntimeException {

    public DisabledAccountException() {
        super("The account of this access token is disabled");
    }
}
