package org.flowfield.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.flowfield.runs.settings.FieldError;

/**
 * Every error the API answers, as JSON: the HTTP status, a short code, a message for people, and
 * for invalid input the fields at fault, each with what is wrong with it.
 *
 * @param error e.g. "not_found", "invalid_settings", "queue_full", "unauthorized"
 * @param fieldErrors every problem with a field of the request, in the order of the run form
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(int status, String error, String message, List<FieldError> fieldErrors) {

    public ApiError(int status, String error, String message) {
        this(status, error, message, List.of());
    }
}
