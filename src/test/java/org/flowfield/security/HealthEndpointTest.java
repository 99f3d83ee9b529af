package org.flowfield.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jobrunr.server.BackgroundJobServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a load balancer sees of the server, without logging in: UP or DOWN, and no other actuator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "flowfield.data-dir=./target/test-data/health-${random.uuid}",
    "flowfield.queue.dispatch-interval-ms=86400000"
})
class HealthEndpointTest {

    @LocalServerPort
    int port;

    @Autowired
    HealthContributorRegistry contributors;

    @Autowired
    PathMappedEndpoints endpoints;

    @Autowired
    BackgroundJobServer jobServer;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAnonymousCallerGetsUpAndNothingMore() throws Exception {
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void theStatusReflectsTheDatabaseAndTheJobEngine() throws Exception {
        assertThat(contributors.getContributor("db")).isNotNull();

        jobServer.stop();
        try {
            HttpResponse<String> response = get("/actuator/health");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).isEqualTo("{\"status\":\"DOWN\"}");
        } finally {
            jobServer.start();
        }
    }

    @Test
    void noOtherActuatorEndpointIsExposed() {
        assertThat(endpoints.getAllPaths()).containsExactly("/actuator/health");
    }

    @Test
    void otherActuatorPathsAreNotReachableAnonymously() throws Exception {
        for (String path : new String[] {"/actuator", "/actuator/info", "/actuator/env", "/actuator/beans",
                "/actuator/health/db", "/actuator/health/liveness", "/actuator/health/"}) {
            HttpResponse<String> response = get(path);

            assertThat(response.statusCode()).as(path).isNotEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("status").doesNotContain("_links");
        }
    }
}
