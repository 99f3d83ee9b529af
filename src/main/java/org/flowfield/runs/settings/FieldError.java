package org.flowfield.runs.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One problem with one setting, worded for the person who entered it.
 *
 * @param field the setting's property name, one of the field constants of {@link RunSettings}
 *     (e.g. {@link RunSettings#POINTS}), so that a form can show the message next to that field
 * @param message what is wrong and what is allowed, e.g. "Training points must be between 500 and 1,000,000"
 */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /**
     * The messages of {@code errors} grouped by field, fields in the order of their first error and
     * each field's messages in their order in the list.
     */
    public static Map<String, List<String>> byField(List<FieldError> errors) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (FieldError error : errors) {
            grouped.computeIfAbsent(error.field(), field -> new ArrayList<>()).add(error.message());
        }
        grouped.replaceAll((field, messages) -> List.copyOf(messages));
        return grouped;
    }
}
