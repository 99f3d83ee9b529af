package org.flowfield.datasets;

/** A data set's name that breaks the naming rules or is already taken by one of the owner's data sets. */
public class InvalidDataSetNameException extends RuntimeException {

    InvalidDataSetNameException(String message) {
        super(message);
    }
}
