package org.flowfield.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;
import java.util.UUID;
import org.flowfield.runs.RunSharing;

/**
 * How a run is shared, as {@code GET} answers and {@code PUT} takes it.
 *
 * @param mode private, class or link
 * @param classroomId the class it is shared with (class only)
 * @param link the share link to pass on (link only; answers only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SharingJson(String mode, UUID classroomId, String link) {

    static SharingJson of(RunSharing sharing, String baseUrl) {
        return new SharingJson(sharing.mode().name().toLowerCase(Locale.ROOT), sharing.classroomId(),
                sharing.token() == null ? null : baseUrl + "/shared/" + sharing.token());
    }
}
