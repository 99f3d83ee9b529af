package org.flowfield.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flowfield.FlowfieldApplication;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.settings.RunPresets;
import org.flowfield.runs.settings.RunSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A server stopped in the middle of a run, and started again on the same database: queued runs
 * are still queued, and the interrupted run continues from its last checkpoint and finishes with
 * every epoch recorded exactly once.
 */
class RestartRecoveryTest {

    private static ConfigurableApplicationContext start(String dataDirectory) {
        // command-line arguments outrank application.properties (builder properties would not)
        return new SpringApplicationBuilder(FlowfieldApplication.class)
                .run("--server.port=0", "--flowfield.data-dir=" + dataDirectory, "--flowfield.queue.slots=1",
                        "--flowfield.queue.dispatch-interval-ms=200", "--flowfield.runs.checkpoint-every-steps=20");
    }

    /** Reads the stored loss series while no server runs, straight from the database file. */
    private static List<String> progressUpTo(String dataDirectory, UUID runId, long step) {
        String url = System.getProperty("spring.datasource.url", "jdbc:h2:file:" + dataDirectory + "/flowfield");
        String user = System.getProperty("spring.datasource.username", "flowfield");
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, user, "");
                java.sql.PreparedStatement query = connection.prepareStatement(
                        "select step || ':' || loss || ':' || steps_per_second from run_progress where run_id = ? and step <= ? order by step")) {
            query.setObject(1, runId);
            query.setLong(2, step);
            List<String> rows = new java.util.ArrayList<>();
            try (java.sql.ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anInterruptedRunResumesFromItsCheckpointAndRecordsEveryEpochOnce() {
        String dataDirectory = "./target/test-data/restart-" + UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID interrupted;
        UUID waiting;
        try (ConfigurableApplicationContext first = start(dataDirectory)) {
            first.getBean(JdbcClient.class)
                    .sql("insert into account (id, username, password_hash, created_at) values (?, ?, ?, ?)")
                    .params(owner, "restart", "$2a$04$unused", Timestamp.from(Instant.now()))
                    .update();
            RunService service = first.getBean(RunService.class);
            RunSettings settings = RunPresets.smoke(ModelFamily.NORMALIZING_FLOW);
            settings.setPoints(6_000);
            settings.setEpochs(4);
            interrupted = service.queue(owner, settings).id();
            waiting = service.queue(owner, RunPresets.smoke(ModelFamily.FLOW_MATCHING)).id();
            RunRepository runs = first.getBean(RunRepository.class);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> runs.recordedEpochs(interrupted).contains(0) && !runs.recordedSteps(interrupted).isEmpty());
        }

        long checkpointStep = org.flowfield.training.CheckpointFile.read(
                java.nio.file.Path.of(dataDirectory, "runs", interrupted.toString(), "checkpoint.bin")).step();
        assertThat(checkpointStep).isPositive();
        List<String> progressBeforeRestart = progressUpTo(dataDirectory, interrupted, checkpointStep);
        assertThat(progressBeforeRestart).isNotEmpty();

        try (ConfigurableApplicationContext second = start(dataDirectory)) {
            RunService service = second.getBean(RunService.class);
            RunRepository runs = second.getBean(RunRepository.class);
            Run resumed = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> service.find(owner, interrupted).orElseThrow(), run -> run.status().terminal());

            assertThat(resumed.status()).as(String.valueOf(resumed.failureReason())).isEqualTo(RunStatus.FINISHED);
            assertThat(runs.recordedEpochs(interrupted)).containsExactly(0, 1, 2, 3);
            List<Long> steps = runs.recordedSteps(interrupted);
            assertThat(steps).isSorted().doesNotHaveDuplicates().last().isEqualTo(resumed.totalSteps());
            assertThat(resumed.stepsDone()).isEqualTo(resumed.totalSteps());
            assertThat(service.batchLosses(owner, interrupted)).hasSize((int) resumed.totalSteps());
            // continued, not started over: what was recorded up to the checkpoint is untouched
            assertThat(second.getBean(JdbcClient.class)
                    .sql("select step || ':' || loss || ':' || steps_per_second from run_progress where run_id = ? and step <= ? order by step")
                    .params(interrupted, checkpointStep).query(String.class).list())
                    .isEqualTo(progressBeforeRestart);
            Run queuedBefore = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> service.find(owner, waiting).orElseThrow(), run -> run.status().terminal());
            assertThat(queuedBefore.status()).isEqualTo(RunStatus.FINISHED);
        }
    }

    /** A single-row, single-column answer read straight from the database file while no server runs. */
    private static Object valueOf(String dataDirectory, String sql, Object... parameters) {
        String url = System.getProperty("spring.datasource.url", "jdbc:h2:file:" + dataDirectory + "/flowfield");
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, "flowfield", "");
                java.sql.PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (java.sql.ResultSet result = query.executeQuery()) {
                result.next();
                return result.getObject(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRunStoppedGracefullyAgainAndAgainResumesEachTimeWithoutARetryOrABackOff() {
        String dataDirectory = "./target/test-data/graceful-" + UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID run = null;
        long stepsBefore = 0;
        for (int stop = 1; stop <= 3; stop++) {
            long closed;
            try (ConfigurableApplicationContext server = start(dataDirectory)) {
                RunService service = server.getBean(RunService.class);
                if (run == null) {
                    server.getBean(JdbcClient.class)
                            .sql("insert into account (id, username, password_hash, created_at) values (?, ?, ?, ?)")
                            .params(owner, "graceful", "$2a$04$unused", Timestamp.from(Instant.now()))
                            .update();
                    RunSettings settings = RunPresets.exerciseDefaults(ModelFamily.NORMALIZING_FLOW);
                    settings.setPoints(40_000);
                    settings.setEpochs(4);
                    run = service.queue(owner, settings).id();
                }
                UUID id = run;
                long previous = stepsBefore;
                Run resumed = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                        .until(() -> service.find(owner, id).orElseThrow(),
                                now -> !now.waitingToResume() && now.stepsDone() > previous + 100);
                assertThat(resumed.status()).isEqualTo(RunStatus.RUNNING);
                stepsBefore = resumed.stepsDone();
                closed = System.nanoTime();
            }
            double stopSeconds = (System.nanoTime() - closed) / 1e9;
            assertThat(stopSeconds).as("a graceful stop takes at most the trainers' wait and a little more")
                    .isLessThan(ActiveTrainings.STOP_WAIT.toSeconds() + 5);
            assertThat(valueOf(dataDirectory, "select status from run where id = ?", run)).isEqualTo("RUNNING");
            assertThat(valueOf(dataDirectory, "select waiting_to_resume from run where id = ?", run)).isEqualTo(true);
            assertThat(valueOf(dataDirectory, "select job_id from run where id = ?", run)).as("handed back").isNull();
            assertThat(((Number) valueOf(dataDirectory, "select interruptions from run where id = ?", run)).intValue()).isEqualTo(stop);
            assertThat(((Number) valueOf(dataDirectory, "select count(*) from jobrunr_jobs where state in ('FAILED', 'SCHEDULED')"))
                    .longValue()).as("no job failed and none waits for a retry").isZero();
        }

        try (ConfigurableApplicationContext last = start(dataDirectory)) {
            RunService service = last.getBean(RunService.class);
            UUID id = run;
            Run finished = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> service.find(owner, id).orElseThrow(), now -> now.status().terminal());
            assertThat(finished.status()).as(String.valueOf(finished.failureReason())).isEqualTo(RunStatus.FINISHED);
            assertThat(last.getBean(RunRepository.class).recordedEpochs(run)).containsExactly(0, 1, 2, 3);
            assertThat(service.batchLosses(owner, run)).hasSize((int) finished.totalSteps());
        }
    }
}
