package org.flowfield.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.flowfield.accounts.AccountService;
import org.flowfield.api.tokens.AccessTokenService;
import org.flowfield.flows.ModelFamily;
import org.flowfield.hostile.HostileInputs.NameCase;
import org.flowfield.hostile.HostileInputs.SettingCase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hostile-input table through the JSON API, as a script would send it: each typed setting as
 * the JSON text of its field, each hostile name as the run's name. Every one is answered 400 with
 * the message the new-run page gives for the same text, next to its field, and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "flowfield.data-dir=./target/test-data/hostile-api-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileApiTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    /** Writes every non-ASCII character as a JSON escape, so that a lone surrogate travels as itself, not as UTF-8's "?". */
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired AccessTokenService tokens;
    @Autowired JdbcClient jdbc;

    private String token;

    @BeforeAll
    void aScriptWithAToken() {
        UUID me = accounts.signUp("script-" + UUID.randomUUID().toString().substring(0, 12), "a long password").id();
        token = tokens.create(me, "notebook").secret();
    }

    static Stream<SettingCase> settings() {
        return HostileInputs.settings().stream();
    }

    static List<NameCase> names() {
        return HostileInputs.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void aTypedSettingIsRefusedWithTheFormsMessageAndNothingIsStored(SettingCase hostile) throws Exception {
        String body = "{\"family\": \"" + hostile.family().code() + "\", \"" + hostile.field() + "\": " + JSON.writeValueAsString(hostile.typed()) + "}";

        assertRefused(body, hostile.field(), hostile.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void aHostileRunNameIsRefusedWithTheFormsMessageAndNothingIsStored(NameCase hostile) throws Exception {
        String body = "{\"family\": \"" + ModelFamily.NORMALIZING_FLOW.code() + "\", \"name\": " + JSON.writeValueAsString(hostile.typed()) + "}";

        assertRefused(body, "name", hostile.expected());
    }

    private void assertRefused(String body, String field, String expected) throws IOException, InterruptedException {
        long before = runs();

        HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/runs"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        JsonNode errors = JSON.readTree(answer.body()).get("fieldErrors");
        assertThat(errors.valueStream().filter(error -> error.get("field").asString().equals(field))
                .map(error -> error.get("message").asString()).toList())
                .as(answer.body()).anySatisfy(message -> assertThat(message).contains(expected));
        assertThat(runs()).isEqualTo(before);
    }

    private long runs() {
        return jdbc.sql("select count(*) from run").query(Long.class).single();
    }
}
