package org.flowfield.questions;

/** A question was asked of a run of the wrong family, or with parameters out of bounds; the message says which. */
public class InvalidQuestionInputException extends IllegalArgumentException {

    public InvalidQuestionInputException(String message) {
        super(message);
    }
}
