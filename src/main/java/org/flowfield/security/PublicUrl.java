package org.flowfield.security;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address people reach this server at, for links they copy (a run's share link). {@code
 * flowfield.public-url} (e.g. {@code https://flows.example.edu}) when set; otherwise the address
 * of the request being answered, which behind a proxy is right only with {@code
 * server.forward-headers-strategy} set.
 */
@Component
public class PublicUrl {

    private final String configured;

    PublicUrl(@Value("${flowfield.public-url:}") String configured) {
        String trimmed = configured.strip();
        if (!trimmed.isEmpty()) {
            URI uri = URI.create(trimmed);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalStateException("flowfield.public-url must be an http(s) address such as https://flows.example.edu, not " + trimmed);
            }
        }
        this.configured = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    /**
     * The full address of a path of this server ("/shared/abc" → "https://flows.example.edu/shared/abc");
     * the path alone when neither the setting nor a request tells the server's address.
     */
    public String of(String path) {
        if (!configured.isEmpty()) {
            return configured + path;
        }
        if (RequestContextHolder.getRequestAttributes() != null) {
            return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
        }
        return path;
    }
}
