package org.flowfield.admin;

/** Something only an administrator may do or see, asked by someone who is not one. */
public class NotAdministratorException extends RuntimeException {

    public NotAdministratorException() {
        super("Only an administrator can do this");
    }
}
