package org.flowfield.compare;

/** A comparison asked for with the wrong number of runs, a run twice, or probe points out of bounds; the message says which. */
public class InvalidComparisonException extends IllegalArgumentException {

    public InvalidComparisonException(String message) {
        super(message);
    }
}
