package org.flowfield.training;

/** A run that cannot go on: a non-finite loss, a checkpoint that could not be written, bad input. */
public class TrainingFailedException extends RuntimeException {

    public TrainingFailedException(String message) {
        super(message);
    }

    public TrainingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
