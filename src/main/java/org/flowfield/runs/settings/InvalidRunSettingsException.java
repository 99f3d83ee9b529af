package org.flowfield.runs.settings;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a run's settings break at least one bound; holds every problem found, so the
 * caller can show each one next to its field.
 */
public class InvalidRunSettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    /** @param errors the problems, at least one */
    public InvalidRunSettingsException(List<FieldError> errors) {
        super(message(errors));
        this.errors = List.copyOf(errors);
    }

    private static String message(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid run has at least one error");
        }
        return errors.stream().map(FieldError::message).collect(Collectors.joining("; "));
    }

    /** Every problem, in the order the validator found them (the order of the form's fields). */
    public List<FieldError> errors() {
        return errors;
    }
}
