package org.flowfield.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes the API's 401 and 403 answers, which come from the security filters rather than a controller. */
@Component
class ApiErrorResponses {

    private final JsonMapper json;

    ApiErrorResponses(JsonMapper json) {
        this.json = json;
    }

    void unauthorized(HttpServletResponse response, String message) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        write(response, new ApiError(401, "unauthorized", message));
    }

    void forbidden(HttpServletResponse response, String message) throws IOException {
        write(response, new ApiError(403, "forbidden", message));
    }

    /** The server cannot do its part now (its database is unreachable): the script should retry. */
    void unavailable(HttpServletResponse response, String message) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "30");
        write(response, new ApiError(503, "unavailable", message));
    }

    private void write(HttpServletResponse response, ApiError error) throws IOException {
        response.setStatus(error.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(error));
    }
}
