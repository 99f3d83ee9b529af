package org.flowfield.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.StepLoss;
import org.flowfield.runs.live.PostgresRunUpdateChannel;
import org.flowfield.runs.live.RunUpdate;
import org.flowfield.runs.live.RunUpdates;
import org.flowfield.testing.TestPostgres;
import org.flowfield.training.Cancellation;
import org.flowfield.training.EpochReport;
import org.flowfield.training.ProgressReport;
import org.flowfield.training.TrainingConfig;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two servers' update buses on one PostgreSQL database and one data directory, as two Flowfield
 * servers wire them: what one publishes reaches the other's watchers within 2 s, an epoch with its
 * samples, and never reaches its own watchers twice.
 */
class RunUpdatesAcrossServersTest {

    private static final Duration ACROSS = Duration.ofSeconds(2);

    private static TestPostgres database;

    @TempDir
    static Path dataDirectory;

    /** One server: its pool, its channel and its bus. */
    private record Server(HikariDataSource pool, RunRepository runs, RunFiles files, PostgresRunUpdateChannel channel,
            RunUpdates updates) implements AutoCloseable {

        static Server start() {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(database.url());
            pool.setUsername(database.user());
            pool.setPassword(database.password());
            RunRepository runs = new RunRepository(JdbcClient.create(pool));
            RunFiles files = new RunFiles(dataDirectory);
            PostgresRunUpdateChannel channel = new PostgresRunUpdateChannel(pool, new StoredEpochReader(runs, files),
                    database.url(), database.user(), database.password());
            return new Server(pool, runs, files, channel, new RunUpdates(Optional.of(channel)));
        }

        BlockingQueue<RunUpdate> watch(UUID runId) {
            BlockingQueue<RunUpdate> received = new LinkedBlockingQueue<>();
            updates.subscribe(runId, received::add);
            return received;
        }

        @Override
        public void close() throws InterruptedException {
            channel.destroy();
            pool.close();
        }
    }

    private Server a;
    private Server b;
    private UUID runId;
    private UUID jobId;

    @BeforeAll
    static void createDatabase() {
        database = TestPostgres.create();
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @BeforeEach
    void startTwoServersAndStoreARun() {
        a = Server.start();
        b = Server.start();
        UUID owner = UUID.randomUUID();
        JdbcClient.create(a.pool()).sql("insert into account (id, username, password_hash, created_at) values (:id, :name, 'x', :at)")
                .param("id", owner).param("name", "owner-" + owner.toString().substring(0, 8))
                .param("at", Timestamp.from(Instant.now())).update();
        TrainingConfig config = TrainingConfig.exercise(ModelFamily.NORMALIZING_FLOW, 0);
        runId = UUID.randomUUID();
        a.runs().insert(new Run(runId, owner, "across", config, RunStatus.QUEUED, null, null, Instant.now(), null, null, false,
                0, config.totalSteps(), null, false, 0, null));
        jobId = UUID.randomUUID();
        a.runs().markStarted(runId, Instant.now(), "checkpoint.bin", jobId);
    }

    @AfterEach
    void stopServers() throws InterruptedException {
        a.close();
        b.close();
    }

    private static ProgressReport progress(long step) {
        return new ProgressReport(step, 39_080, 0, 50, 1.25 + step * 1e-3, 0.5, Double.NaN, 1e-3 / 3, 712.5);
    }

    @Test
    void progressPublishedOnOneServerReachesTheOthersWatchersWithinTwoSeconds() throws Exception {
        BlockingQueue<RunUpdate> onB = b.watch(runId);
        RunUpdate.Progress update = new RunUpdate.Progress(runId, progress(50));

        long sent = System.nanoTime();
        a.updates().publish(update);
        RunUpdate arrived = onB.poll(ACROSS.toMillis(), TimeUnit.MILLISECONDS);
        long tookMicros = (System.nanoTime() - sent) / 1_000;

        assertThat(arrived).isEqualTo(update);
        System.out.printf("a progress update crossed servers in %.1f ms%n", tookMicros / 1000.0);
    }

    @Test
    void statusAndAccessChangesReachTheOtherServer() throws Exception {
        BlockingQueue<RunUpdate> onB = b.watch(runId);

        a.updates().publish(new RunUpdate.StatusChanged(runId));
        a.updates().publish(new RunUpdate.AccessChanged(runId));

        assertThat(onB.poll(ACROSS.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(new RunUpdate.StatusChanged(runId));
        assertThat(onB.poll(ACROSS.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(new RunUpdate.AccessChanged(runId));
    }

    @Test
    void aServerDeliversItsOwnUpdatesOnceAndTheOthersOnce() throws Exception {
        BlockingQueue<RunUpdate> onA = a.watch(runId);
        BlockingQueue<RunUpdate> onB = b.watch(runId);
        RunUpdate.Progress fromA = new RunUpdate.Progress(runId, progress(100));
        RunUpdate.Progress fromB = new RunUpdate.Progress(runId, progress(150));

        a.updates().publish(fromA);
        assertThat(onB.poll(ACROSS.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(fromA);
        b.updates().publish(fromB);
        // notifications reach a listener in the order they were sent: once B's has reached A, A's own has too
        assertThat(onA.poll(ACROSS.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(fromA);
        assertThat(onA.poll(ACROSS.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(fromB);
        a.updates().publish(new RunUpdate.StatusChanged(runId));
        assertThat(onB.poll(ACROSS.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(fromB);
        assertThat(onB.poll(ACROSS.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(new RunUpdate.StatusChanged(runId));

        List<RunUpdate> rest = new ArrayList<>();
        onA.drainTo(rest);
        assertThat(rest).containsExactly(new RunUpdate.StatusChanged(runId));
        onB.drainTo(rest);
        assertThat(rest).containsExactly(new RunUpdate.StatusChanged(runId));
    }

    @Test
    void anEpochRecordedOnOneServerReachesTheOtherWithItsSamples() throws Exception {
        BlockingQueue<RunUpdate> onB = b.watch(runId);
        float[] samples = new float[2_000];
        int[] classes = new int[1_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) Math.sin(i * 0.37) * 2.5f;
        }
        for (int i = 0; i < classes.length; i++) {
            classes[i] = i % 5;
        }
        EpochReport report = new EpochReport(2, 1_173, new StepLoss(1.875, 0.4375, -2.3125), samples, classes);

        HeldRun trainer = new HeldRun(runId, jobId, JdbcClient.create(a.pool()),
                new org.springframework.transaction.support.TransactionTemplate(
                        new org.springframework.jdbc.datasource.DataSourceTransactionManager(a.pool())));
        new RunRecorder(trainer, a.files(), new Cancellation(), a.updates()).onEpoch(report);

        RunUpdate arrived = onB.poll(ACROSS.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(arrived).isInstanceOf(RunUpdate.Epoch.class);
        EpochReport received = ((RunUpdate.Epoch) arrived).report();
        assertThat(received.epoch()).isEqualTo(2);
        assertThat(received.step()).isEqualTo(1_173);
        assertThat(received.validation()).isEqualTo(report.validation());
        assertThat(received.samples()).hasSize(2_000).containsExactly(samples);
        assertThat(received.sampleClasses()).containsExactly(classes);
    }

    @Test
    void afterLosingItsListeningConnectionAServerReconnectsTellsItsWatchersToLookAgainAndReceivesAgain() throws Exception {
        BlockingQueue<RunUpdate> onB = b.watch(runId);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() "
                    + "and application_name = 'flowfield run updates'");
        }

        // both servers lost their listening connection: each watcher is told to re-read the run and its access
        assertThat(onB.poll(10, TimeUnit.SECONDS)).isEqualTo(new RunUpdate.StatusChanged(runId));
        assertThat(onB.poll(ACROSS.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(new RunUpdate.AccessChanged(runId));
        await().atMost(Duration.ofSeconds(10)).until(() -> listeners() == 2);
        RunUpdate.Progress update = new RunUpdate.Progress(runId, progress(200));
        a.updates().publish(update);
        assertThat(onB.poll(ACROSS.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(update);
    }

    private static int listeners() throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                var rows = statement.executeQuery("select count(*) from pg_stat_activity where datname = current_database() "
                        + "and application_name = 'flowfield run updates' and query like 'LISTEN%'")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
