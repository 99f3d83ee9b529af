package org.flowfield.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each person's wait in the queue, from the API's own record of their runs: from when a run was
 * queued ({@code createdAt}) to when it started training ({@code startedAt}), for the runs queued
 * from a given instant on; a run still waiting at the end counts with its wait so far, and a run
 * cancelled before it started not at all.
 */
final class QueueWaits {

    /** One person's runs and their mean wait in seconds. */
    record PersonWait(String username, int runs, double meanSeconds) {}

    private final HttpClient client = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String baseUrl;

    QueueWaits(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Map<String, PersonWait> of(List<LoadUser> people, Instant queuedFrom, Instant now) {
        Map<String, PersonWait> waits = new LinkedHashMap<>();
        for (LoadUser person : people) {
            double total = 0;
            int counted = 0;
            for (JsonNode run : runs(person)) {
                Instant queued = Instant.parse(run.get("createdAt").asString());
                if (queued.isBefore(queuedFrom)) {
                    continue;
                }
                JsonNode started = run.get("startedAt");
                boolean waiting = "queued".equals(run.get("status").asString());
                if (started != null && !started.isNull()) {
                    total += Duration.between(queued, Instant.parse(started.asString())).toMillis() / 1000.0;
                    counted++;
                } else if (waiting) {
                    total += Duration.between(queued, now).toMillis() / 1000.0;
                    counted++;
                }
            }
            if (counted > 0) {
                waits.put(person.username(), new PersonWait(person.username(), counted, total / counted));
            }
        }
        return waits;
    }

    /** Cancels every run of these people that has not ended, so that the server comes to rest. */
    void cancelWhatIsLeft(List<LoadUser> people) {
        for (LoadUser person : people) {
            for (JsonNode run : runs(person)) {
                String status = run.get("status").asString();
                if (status.equals("queued") || status.equals("running")) {
                    send(person, HttpRequest.newBuilder(URI.create(baseUrl + "/api/runs/" + run.get("id").asString() + "/cancel"))
                            .POST(HttpRequest.BodyPublishers.noBody()));
                }
            }
        }
    }

    /** Whether none of these people's runs is queued or training any more. */
    boolean allEnded(List<LoadUser> people) {
        return people.stream().flatMap(person -> runs(person).valueStream())
                .map(run -> run.get("status").asString()).noneMatch(status -> status.equals("queued") || status.equals("running"));
    }

    private JsonNode runs(LoadUser person) {
        return json.readTree(send(person, HttpRequest.newBuilder(URI.create(baseUrl + "/api/runs")).GET()));
    }

    private String send(LoadUser person, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.header("Authorization", "Bearer " + person.token()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
