package org.flowfield.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.flowfield.accounts.AccountService;
import org.flowfield.api.ApiClient.Answer;
import org.flowfield.api.tokens.AccessTokenService;
import org.flowfield.classrooms.Classroom;
import org.flowfield.classrooms.ClassroomService;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.FinishedRuns;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunSharingService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Who reaches a run through the API, on every endpoint: its owner, a member of the class it is
 * shared with, the holder of its share link, and an outsider. Whoever may not see a run gets the
 * answer a missing run gets, byte for byte.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "flowfield.data-dir=./target/test-data/api-${random.uuid}",
    "flowfield.queue.slots=2",
    "flowfield.queue.dispatch-interval-ms=200",
    "flowfield.accounts.bcrypt-strength=4",
    "flowfield.admin.accounts=api-admin"
})
class ApiAccessMatrixTest {

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired AccessTokenService tokens;
    @Autowired ClassroomService classrooms;
    @Autowired RunSharingService sharing;
    @Autowired ApplicationContext context;

    UUID owner;
    UUID classmate;
    UUID holder;
    Classroom classroom;
    Run run;

    private UUID account(String role) {
        return accounts.signUp(role + "-" + UUID.randomUUID().toString().substring(0, 8), "a long password").id();
    }

    private ApiClient as(UUID account) {
        return new ApiClient(port, tokens.create(account, "test").secret());
    }

    @BeforeEach
    void people() {
        owner = account("owner");
        classmate = account("classmate");
        holder = account("holder");
        classroom = classrooms.create(owner, "Flow models");
        classrooms.join(classmate, classroom.inviteCode());
        run = FinishedRuns.copyOfReference(context, ModelFamily.NORMALIZING_FLOW, owner, "finished");
    }

    /** Every endpoint that takes a run id, as a call with the caller's client. */
    private static Map<String, BiFunction<ApiClient, String, Answer>> endpoints() {
        Map<String, BiFunction<ApiClient, String, Answer>> endpoints = new LinkedHashMap<>();
        endpoints.put("status", (api, id) -> api.get("/api/runs/" + id));
        endpoints.put("history", (api, id) -> api.get("/api/runs/" + id + "/history"));
        endpoints.put("figures", (api, id) -> api.get("/api/runs/" + id + "/figures"));
        endpoints.put("snapshot", (api, id) -> api.get("/api/runs/" + id + "/snapshots/0"));
        endpoints.put("batch losses", (api, id) -> api.get("/api/runs/" + id + "/batch-losses"));
        endpoints.put("sharing", (api, id) -> api.get("/api/runs/" + id + "/sharing"));
        endpoints.put("share", (api, id) -> api.put("/api/runs/" + id + "/sharing", "{\"mode\": \"link\"}"));
        endpoints.put("cancel", (api, id) -> api.post("/api/runs/" + id + "/cancel", ""));
        return endpoints;
    }

    private static final Map<String, Boolean> READS = Map.of("status", true, "history", true, "figures", true, "snapshot", true,
            "batch losses", true, "sharing", false, "share", false, "cancel", false);

    private void assertAnswersLikeAMissingRun(ApiClient api, String who) {
        endpoints().forEach((endpoint, call) -> {
            Answer hidden = call.apply(api, run.id().toString());
            Answer missing = call.apply(api, UUID.randomUUID().toString());
            Answer notAnId = call.apply(api, "not-a-run");
            assertThat(hidden.status()).as(who + " on " + endpoint).isEqualTo(404);
            assertThat(hidden.body()).as(who + " on " + endpoint).isEqualTo(missing.body()).isEqualTo(notAnId.body());
            assertThat(missing.status()).isEqualTo(404);
            assertThat(notAnId.status()).isEqualTo(404);
        });
    }

    private void assertReads(ApiClient api, String who) {
        endpoints().forEach((endpoint, call) -> {
            if (READS.get(endpoint)) {
                assertThat(call.apply(api, run.id().toString()).status()).as(who + " on " + endpoint).isEqualTo(200);
            }
        });
    }

    @Test
    void anOutsiderGetsTheAnswerOfAMissingRunOnEveryEndpoint() {
        ApiClient outsider = as(account("outsider"));
        assertAnswersLikeAMissingRun(outsider, "an outsider");
        assertThat(outsider.get("/api/runs/" + run.id()).body()).isEqualTo("{\"status\":404,\"error\":\"not_found\",\"message\":\"Run not found\"}");
        assertReads(as(owner), "the owner");
    }

    @Test
    void aClassmateReadsARunSharedWithTheClassButNeitherSharesNorCancelsIt() {
        ApiClient theirs = as(classmate);
        assertAnswersLikeAMissingRun(theirs, "a classmate before sharing");

        sharing.shareWithClassroom(owner, run.id(), classroom.id());

        assertReads(theirs, "a classmate");
        assertThat(theirs.get("/api/runs/" + run.id() + "/sharing").status()).isEqualTo(403);
        assertThat(theirs.post("/api/runs/" + run.id() + "/cancel", "").status()).isEqualTo(403);
        sharing.makePrivate(owner, run.id());
        assertAnswersLikeAMissingRun(theirs, "a classmate after it was made private");
    }

    @Test
    void theHolderOfALinkReadsTheRunUntilTheLinkIsRevoked() {
        ApiClient theirs = as(holder);
        String link = as(owner).put("/api/runs/" + run.id() + "/sharing", "{\"mode\": \"link\"}").json().get("link").asString();
        sharing.openLink(holder, link.substring(link.lastIndexOf('/') + 1));

        assertReads(theirs, "a link holder");

        as(owner).put("/api/runs/" + run.id() + "/sharing", "{\"mode\": \"link\"}");
        assertAnswersLikeAMissingRun(theirs, "the holder of a revoked link");
    }
}
