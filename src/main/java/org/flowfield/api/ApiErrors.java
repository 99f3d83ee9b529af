package org.flowfield.api;

import org.flowfield.classrooms.ClassroomNotFoundException;
import org.flowfield.queue.QueueFullException;
import org.flowfield.runs.NotRunOwnerException;
import org.flowfield.runs.RunNotFinishedException;
import org.flowfield.runs.RunNotFoundException;
import org.flowfield.runs.settings.InvalidRunSettingsException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The API's errors as {@link ApiError} JSON. A run the caller may not see, a missing run and a run
 * id that is not even an id all answer the same 404 with the same body, byte for byte.
 */
@RestControllerAdvice(assignableTypes = RunsApiController.class)
class ApiErrors {

    /** The one answer for a run the caller cannot see, whether it exists or not. */
    static final ApiError RUN_NOT_FOUND = new ApiError(404, "not_found", "Run not found");

    @ExceptionHandler(RunNotFoundException.class)
    ResponseEntity<ApiError> runNotFound(RunNotFoundException e) {
        return answer(RUN_NOT_FOUND);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badPathValue(MethodArgumentTypeMismatchException e) {
        if ("runId".equals(e.getName())) {
            return answer(RUN_NOT_FOUND);
        }
        return answer(new ApiError(400, "invalid_request", e.getName() + " must be " + (e.getRequiredType() == int.class
                ? "a whole number" : "a valid " + e.getName())));
    }

    @ExceptionHandler(InvalidRunSettingsException.class)
    ResponseEntity<ApiError> invalidSettings(InvalidRunSettingsException e) {
        return answer(new ApiError(400, "invalid_settings", e.getMessage(), e.errors()));
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ApiError> invalidRequest(InvalidRequestException e) {
        return answer(new ApiError(400, "invalid_request", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return answer(new ApiError(400, "invalid_request", "The request body is not valid JSON of the expected shape"));
    }

    @ExceptionHandler(QueueFullException.class)
    ResponseEntity<ApiError> queueFull(QueueFullException e) {
        return answer(new ApiError(409, "queue_full", e.getMessage()));
    }

    @ExceptionHandler(RunNotFinishedException.class)
    ResponseEntity<ApiError> notFinished(RunNotFinishedException e) {
        return answer(new ApiError(409, "not_finished", capitalized(e.getMessage())));
    }

    @ExceptionHandler(RunsApiController.NoSnapshotException.class)
    ResponseEntity<ApiError> noSnapshot(RunsApiController.NoSnapshotException e) {
        return answer(new ApiError(404, "no_snapshot", e.getMessage()));
    }

    @ExceptionHandler({NotRunOwnerException.class, RunsApiController.NotOwnerException.class})
    ResponseEntity<ApiError> notOwner(RuntimeException e) {
        return answer(new ApiError(403, "not_owner", capitalized(e.getMessage())));
    }

    @ExceptionHandler(ClassroomNotFoundException.class)
    ResponseEntity<ApiError> classroomNotFound(ClassroomNotFoundException e) {
        return answer(new ApiError(404, "class_not_found", "Class not found: you can share a run only with a class you are in"));
    }

    private static ResponseEntity<ApiError> answer(ApiError error) {
        return ResponseEntity.status(HttpStatus.valueOf(error.status())).body(error);
    }

    private static String capitalized(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
