package org.flowfield.accounts;

/** A password that is not the account's, given to confirm an action on it; nothing was done. */
public class WrongPasswordException extends RuntimeException {

    public WrongPasswordException(String message) {
        super(message);
    }
}
