package org.flowfield.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The class as Gatling plays it: each virtual user logs in with the log-in form (CSRF token and
 * all), opens the runs page, and for the rest of the test queues tiny runs through the API, watches
 * each one (its page, then its status and loss history every second until it ends), reads a
 * finished run's figures and samples, lists its runs, and thinks a moment. Every response's status
 * and time land in {@link Measurements} (page loads and API calls apart); a 5xx or a failed
 * connection also fails the request in Gatling's own report. Run in a JVM of its own by
 * {@link GatlingRun}, which passes the server, the people and the duration as system properties.
 */
public class ClassroomSimulation extends Simulation {

    static final String URL = "flowfield.load.url";
    static final String USERS_FILE = "flowfield.load.users-file";
    static final String SECONDS = "flowfield.load.seconds";
    static final String MEASUREMENTS_FILE = "flowfield.load.measurements";

    private static final String[] FAMILIES = {"fm", "nf", "cfm"};
    private static final Set<String> ENDED = Set.of("finished", "failed", "cancelled");
    /** Status polls of one run before the user moves on (a queued run keeps its place). */
    private static final int MOST_POLLS = 90;

    private final Measurements measurements = new Measurements();

    {
        Duration duration = Duration.ofSeconds(Long.getLong(SECONDS));
        List<Map<String, Object>> people = readPeople(Path.of(System.getProperty(USERS_FILE)));

        ScenarioBuilder students = scenario("students")
                .feed(listFeeder(people).queue())
                .exec(logIn())
                .exec(page("runs list", "/"))
                .exec(during(duration).on(
                        exec(session -> session.set("family", FAMILIES[(int) (session.userId() + session.getInt("runsQueued")) % FAMILIES.length])
                                .set("runsQueued", session.getInt("runsQueued") + 1)),
                        exec(session -> session.remove("runId").remove("runStatus")),
                        api("queue a run", http("queue a run").post("/api/runs")
                                .body(StringBody("{\"family\": \"#{family}\", \"preset\": \"smoke\", \"epochs\": 1, \"points\": 500, "
                                        + "\"name\": \"load #{runsQueued}\"}"))
                                .header("Content-Type", "application/json")
                                .check(jsonPath("$.id").optional().saveAs("runId"))),
                        doIf(session -> session.contains("runId")).then(watchTheRun()),
                        api("list runs", http("list runs").get("/api/runs")),
                        pause(Duration.ofSeconds(1), Duration.ofSeconds(3))));

        setUp(students.injectOpen(rampUsers(people.size()).during(Duration.ofSeconds(Math.min(10, duration.toSeconds() / 6)))))
                .protocols(http.baseUrl(System.getProperty(URL)).disableFollowRedirect()
                        .acceptHeader("text/html,application/json").userAgentHeader("Flowfield load test (Gatling)"));
    }

    @Override
    public void after() {
        measurements.write(Path.of(System.getProperty(MEASUREMENTS_FILE)));
    }

    private ChainBuilder logIn() {
        return exec(session -> session.set("runsQueued", 0))
                .exec(measured("page", "log-in page", http("log-in page").get("/login")
                        .check(regex("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"").saveAs("csrfParameter"),
                                regex("<meta name=\"_csrf\" content=\"([^\"]+)\"").saveAs("csrf"))))
                .exec(measured("page", "log in", http("log in").post("/login")
                        .formParam("username", "#{username}")
                        .formParam("password", "#{password}")
                        .formParam("#{csrfParameter}", "#{csrf}")
                        .check(status().is(302), header("Location").saveAs("afterLogIn"))))
                .exec(session -> {
                    String next = session.contains("afterLogIn") ? session.getString("afterLogIn") : "";
                    measurements.logIn(!next.isEmpty() && !next.contains("error"));
                    return session;
                });
    }

    private ChainBuilder watchTheRun() {
        return exec(page("run page", "/runs/#{runId}"))
                .exec(session -> session.set("polls", 0))
                .exec(asLongAs(session -> !ENDED.contains(String.valueOf(session.getString("runStatus")))
                        && session.getInt("polls") < MOST_POLLS).on(
                        pause(Duration.ofSeconds(1)),
                        api("run status", http("run status").get("/api/runs/#{runId}").check(jsonPath("$.status").saveAs("runStatus"))),
                        doIf(session -> session.getInt("polls") % 3 == 0).then(
                                api("run history", http("run history").get("/api/runs/#{runId}/history"))),
                        exec(session -> session.set("polls", session.getInt("polls") + 1))))
                .exec(doIf(session -> "finished".equals(session.getString("runStatus"))).then(
                        api("run figures", http("run figures").get("/api/runs/#{runId}/figures")),
                        api("run samples", http("run samples").get("/api/runs/#{runId}/snapshots/0")),
                        page("run page", "/runs/#{runId}")));
    }

    private ChainBuilder page(String name, String path) {
        return measured("page", name, http(name).get(path));
    }

    private ChainBuilder api(String name, HttpRequestActionBuilder request) {
        return measured("api", name, request.header("Authorization", "Bearer #{token}"));
    }

    /** The request, its status and time noted (status 0: no answer at all). */
    private ChainBuilder measured(String kind, String name, HttpRequestActionBuilder request) {
        return exec(session -> session.remove("status").remove("millis"))
                .exec(request.check(responseTimeInMillis().saveAs("millis"), status().saveAs("status"), status().lt(500)))
                .exec(session -> {
                    measurements.add(kind, name,
                            session.contains("status") ? session.getInt("status") : 0,
                            session.contains("millis") ? session.getInt("millis") : -1);
                    return session;
                });
    }

    private static List<Map<String, Object>> readPeople(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(line -> !line.isBlank()).map(line -> line.split("\t"))
                    .map(fields -> Map.<String, Object>of("username", fields[0], "password", fields[1], "token", fields[2]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
