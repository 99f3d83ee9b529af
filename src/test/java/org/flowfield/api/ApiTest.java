package org.flowfield.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flowfield.accounts.AccountService;
import org.flowfield.api.ApiClient.Answer;
import org.flowfield.api.tokens.AccessTokenService;
import org.flowfield.classrooms.Classroom;
import org.flowfield.classrooms.ClassroomService;
import org.flowfield.runs.RunService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A script drives the API over HTTP: it queues runs, follows one to its figures, cancels, shares. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "flowfield.data-dir=./target/test-data/api-${random.uuid}",
    "flowfield.queue.slots=2",
    "flowfield.queue.dispatch-interval-ms=200",
    "flowfield.accounts.bcrypt-strength=4",
    "flowfield.admin.accounts=api-admin"
})
class ApiTest {

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired AccessTokenService tokens;
    @Autowired ClassroomService classrooms;
    @Autowired RunService runs;

    UUID student;
    ApiClient api;

    @BeforeEach
    void student() {
        student = accounts.signUp("student-" + UUID.randomUUID().toString().substring(0, 8), "a long password").id();
        api = new ApiClient(port, tokens.create(student, "notebook").secret());
    }

    /** No run of a test goes on training into the next one. */
    @AfterEach
    void cancelWhatIsLeft() {
        runs.listOwn(student).forEach(run -> runs.cancel(student, run.id()));
    }

    private static String status(Answer run) {
        return run.json().get("status").asString();
    }

    private JsonNode awaitStatus(String runId, String... statuses) {
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("/api/runs/" + runId).json(), run -> List.of(statuses).contains(run.get("status").asString()));
    }

    @Test
    void aSweepOfSeedsIsQueuedAndOneRunIsFollowedToItsFiguresSamplesAndLosses() {
        List<String> ids = new ArrayList<>();
        for (int seed = 0; seed < 3; seed++) {
            Answer queued = api.post("/api/runs", """
                    {"family": "fm", "preset": "smoke", "epochs": 1, "seed": %d, "name": "sweep seed %d"}""".formatted(seed, seed));
            assertThat(queued.status()).as(queued.body()).isEqualTo(201);
            assertThat(queued.json().get("settings").get("seed").asLong()).isEqualTo(seed);
            assertThat(queued.json().get("settings").get("family").asString()).isEqualTo("fm");
            assertThat(queued.json().get("settings").get("points").asInt()).isEqualTo(2_000);
            ids.add(queued.json().get("id").asString());
        }
        Answer listed = api.get("/api/runs");
        assertThat(listed.json().valueStream().map(run -> run.get("id").asString()).toList()).containsAll(ids);

        JsonNode finished = awaitStatus(ids.getFirst(), "finished", "failed", "cancelled");

        assertThat(finished.get("status").asString()).as(finished.toString()).isEqualTo("finished");
        assertThat(finished.get("stepsDone").asLong()).isEqualTo(finished.get("totalSteps").asLong()).isPositive();
        Answer figures = api.get("/api/runs/" + ids.getFirst() + "/figures");
        assertThat(figures.status()).isEqualTo(200);
        assertThat(figures.json().get("inRingFraction").asDouble()).isBetween(0.0, 1.0);
        assertThat(figures.json().get("heldOutNll").isNumber()).isTrue();
        Answer history = api.get("/api/runs/" + ids.getFirst() + "/history");
        assertThat(history.json().get("epochs")).hasSize(1);
        assertThat(history.json().get("loss").size()).isPositive();
        assertThat(history.json().get("loss").get(0).get("logDet").isNull()).as("flow matching has no log-det").isTrue();
        Answer samples = api.get("/api/runs/" + ids.getFirst() + "/snapshots/0");
        assertThat(samples.status()).isEqualTo(200);
        assertThat(samples.json().get("points").size()).isPositive();
        assertThat(samples.json().get("points").get(0)).hasSize(2);
        assertThat(api.get("/api/runs/" + ids.getFirst() + "/snapshots/5").json().get("message").asString())
                .isEqualTo("The run has no samples of epoch 5");
        Answer losses = api.get("/api/runs/" + ids.getFirst() + "/batch-losses");
        assertThat(losses.json().get("losses").size()).isEqualTo(finished.get("totalSteps").asInt());
    }

    @Test
    void aRunIsCancelledAndAnUnfinishedRunHasNoFigures() {
        Answer queued = api.post("/api/runs", "{\"family\": \"nf\", \"name\": \"too long to wait for\"}");
        String id = queued.json().get("id").asString();
        Answer early = api.get("/api/runs/" + id + "/figures");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("error").asString()).isEqualTo("not_finished");

        Answer cancelled = api.post("/api/runs/" + id + "/cancel", "");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(status(cancelled).equals("cancelled") || cancelled.json().get("cancelRequested").asBoolean()).isTrue();
        assertThat(awaitStatus(id, "cancelled", "finished", "failed").get("status").asString()).isEqualTo("cancelled");
    }

    @Test
    void theOwnerSharesARunWithAClassAndMakesItPrivateAgain() {
        UUID classmate = accounts.signUp("mate-" + UUID.randomUUID().toString().substring(0, 8), "a long password").id();
        ApiClient theirs = api.as(tokens.create(classmate, "mine").secret());
        Classroom classroom = classrooms.create(student, "Flow models");
        classrooms.join(classmate, classroom.inviteCode());
        String id = api.post("/api/runs", "{\"family\": \"cfm\", \"preset\": \"smoke\", \"epochs\": 1}").json().get("id").asString();
        assertThat(theirs.get("/api/runs/" + id).status()).isEqualTo(404);
        assertThat(api.get("/api/classes").json().get(0).get("id").asString()).isEqualTo(classroom.id().toString());

        Answer shared = api.put("/api/runs/" + id + "/sharing", "{\"mode\": \"class\", \"classroomId\": \"" + classroom.id() + "\"}");

        assertThat(shared.status()).as(shared.body()).isEqualTo(200);
        assertThat(shared.json().get("mode").asString()).isEqualTo("class");
        assertThat(theirs.get("/api/runs/" + id).status()).isEqualTo(200);
        assertThat(theirs.get("/api/runs?scope=shared").body()).contains(id);
        Answer notTheirs = theirs.put("/api/runs/" + id + "/sharing", "{\"mode\": \"link\"}");
        assertThat(notTheirs.status()).isEqualTo(403);
        assertThat(theirs.post("/api/runs/" + id + "/cancel", "").status()).isEqualTo(403);

        Answer link = api.put("/api/runs/" + id + "/sharing", "{\"mode\": \"link\"}");
        assertThat(link.json().get("link").asString()).startsWith("http://localhost:" + port + "/shared/");
        assertThat(theirs.get("/api/runs/" + id).status()).as("a link is for those who open it").isEqualTo(404);
        Answer unshared = api.put("/api/runs/" + id + "/sharing", "{\"mode\": \"private\"}");
        assertThat(unshared.json().get("mode").asString()).isEqualTo("private");
        assertThat(api.get("/api/runs/" + id + "/sharing").json().has("link")).isFalse();
        Answer notAMember = api.put("/api/runs/" + id + "/sharing", "{\"mode\": \"class\", \"classroomId\": \"" + UUID.randomUUID() + "\"}");
        assertThat(notAMember.status()).isEqualTo(404);
        assertThat(notAMember.json().get("error").asString()).isEqualTo("class_not_found");
    }

    @Test
    void invalidSettingsAnswerEveryFieldWithWhatIsWrongAndQueueNothing() {
        Answer invalid = api.post("/api/runs", """
                {"family": "nf", "points": 10, "epochs": "many", "learningRate": 5, "seed": -1, "couplingLayer": 3}""");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("error").asString()).isEqualTo("invalid_settings");
        List<String> problems = invalid.json().get("fieldErrors").valueStream()
                .map(error -> error.get("field").asString() + ": " + error.get("message").asString()).toList();
        assertThat(problems).containsExactly(
                "points: Training points must be between 500 and 1,000,000, not 10",
                "epochs: Epochs must be a whole number; \"many\" is not one",
                "learningRate: Learning rate must be between 0.000001 and 0.1, not 5",
                "seed: Seed must be 0 or more, not -1",
                "couplingLayer: 'couplingLayer' is not a run setting; the settings are " + String.join(", ",
                        org.flowfield.runs.settings.RunSettings.ALL_FIELDS));
        assertThat(api.post("/api/runs", "{\"points\": 5000}").json().get("fieldErrors").get(0).get("message").asString())
                .isEqualTo("Model is required: nf, fm or cfm");
        assertThat(api.post("/api/runs", "{\"family\": \"nf\", \"preset\": \"slow\"}").json().get("fieldErrors").get(0).get("message")
                .asString()).isEqualTo("Preset must be one of EXERCISE_DEFAULTS, QUICK, SMOKE");
        Answer notJson = api.post("/api/runs", "{points: 5");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("error").asString()).isEqualTo("invalid_request");
        assertThat(api.get("/api/runs").json().size()).as("nothing was queued").isZero();
    }

    @Test
    void aFullQueueAnswersWithTheViewsMessage() {
        List<Integer> statuses = new ArrayList<>();
        Answer last = null;
        for (int i = 0; i < 40 && (last == null || last.status() == 201); i++) {
            last = api.post("/api/runs", "{\"family\": \"nf\"}");
            statuses.add(last.status());
        }
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.json().get("error").asString()).isEqualTo("queue_full");
        assertThat(last.json().get("message").asString()).startsWith("You already have ").contains("waiting in the queue (the limit is 5)");
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() {
        var second = tokens.create(student, "second");
        ApiClient withSecond = api.as(second.secret());
        assertThat(withSecond.get("/api/runs").status()).isEqualTo(200);

        tokens.revoke(student, second.token().id());

        Answer refused = withSecond.get("/api/runs");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("message").asString()).isEqualTo("The access token is not valid: it was revoked, or never existed");
        assertThat(api.get("/api/runs").status()).as("the other token still works").isEqualTo(200);
        assertThat(tokens.list(student)).extracting(token -> token.name()).containsExactly("notebook");
        assertThat(tokens.list(student).getFirst().lastUsedAt()).isNotNull();
    }

    @Test
    void withoutATokenOnlyTheOpenApiDescriptionAnswers() {
        ApiClient anonymous = api.as(null);
        Answer runs = anonymous.get("/api/runs");
        assertThat(runs.status()).isEqualTo(401);
        assertThat(runs.json().get("message").asString()).isEqualTo("An access token is required: send 'Authorization: Bearer <token>'");
        assertThat(anonymous.post("/api/runs", "{\"family\": \"nf\"}").status()).isEqualTo(401);
        assertThat(api.as("not a token").get("/api/runs").status()).isEqualTo(401);

        Answer description = anonymous.get("/api/openapi");

        assertThat(description.status()).isEqualTo(200);
        assertThat(description.json().get("paths").has("/api/runs")).isTrue();
        assertThat(description.json().get("paths").has("/api/runs/{runId}/batch-losses")).isTrue();
        assertThat(description.json().get("components").get("securitySchemes").has("accessToken")).isTrue();
        assertThat(anonymous.get("/swagger-ui/index.html").status()).as("the Swagger UI needs a log-in").isNotEqualTo(200);
    }
}
