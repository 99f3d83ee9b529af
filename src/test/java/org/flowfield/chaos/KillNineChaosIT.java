package org.flowfield.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.flowfield.browser.Chromium;
import org.flowfield.browser.Student;
import org.flowfield.flows.ModelFamily;
import org.flowfield.testing.SameRun;
import org.flowfield.testing.ServerProcess;
import org.flowfield.testing.Sql;
import org.flowfield.training.Checkpoint;
import org.flowfield.training.CheckpointFile;
import org.flowfield.training.CheckpointPolicy;
import org.flowfield.training.DurableFile;
import org.flowfield.training.Trainer;
import org.flowfield.training.TrainingConfig;
import org.flowfield.training.TrainingConfigCodec;
import org.flowfield.training.TrainingResult;
import org.flowfield.training.export.BatchLossFile;
import org.flowfield.training.export.RunExportFiles;
import org.flowfield.training.export.RunExportWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged server killed with SIGKILL at seeded random moments while it trains one run of each
 * family, and started again each time on the same H2 file and data folder: right after a
 * sign-up, during steps, right after an epoch boundary, during a checkpoint write, during the
 * final evaluation and within a second of a share link's revocation. After the last restart
 * every run finishes as the same run trained without interruption ({@link SameRun}: every batch
 * loss to float32 rounding, the figures within the packed-run bounds; the test says whether the
 * losses are bit for bit the same, and prints the run's server log when not), each server process
 * started or resumed it once at most, every epoch is stored once, no temporary file is left, the
 * accounts are there and the revoked link is still revoked. {@code -Dflowfield.chaos.kills=N} sets the number of kills
 * ({@code -Pchaos} runs 21), {@code -Dflowfield.chaos.seed} the moments; the test prints what it did.
 */
class KillNineChaosIT {

    private static final int KILLS = Integer.getInteger("flowfield.chaos.kills", 6);
    private static final long SEED = Long.getLong("flowfield.chaos.seed", 20261130L);
    private static final int CHECKPOINT_EVERY = 200;
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RESUME_BOUND = Duration.ofSeconds(30);

    enum Moment { DURING_STEPS, AFTER_EPOCH_BOUNDARY, DURING_CHECKPOINT_WRITE, DURING_EVALUATION, AFTER_REVOCATION }

    private record Row(int kill, String moment, String landed, String resumed) {}

    private static Chromium chromium;

    private final Path data = Path.of("target", "chaos", "kill9-" + UUID.randomUUID()).toAbsolutePath();
    private final Path log = data.resolve("server.log");
    private final Random random = new Random(SEED);
    private final List<Row> table = new ArrayList<>();
    private final Map<UUID, TrainingConfig> runs = new LinkedHashMap<>();
    private UUID revokedRun;
    private boolean revoked;
    private ServerProcess server;

    @AfterEach
    void killTheServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeAll
    static void launchChromium() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void closeChromium() {
        chromium.close();
    }

    private ServerProcess start() {
        server = ServerProcess.start(log, Map.of(), "--flowfield.data-dir=" + data, "--flowfield.queue.slots=3",
                "--flowfield.queue.dispatch-interval-ms=200", "--flowfield.runs.checkpoint-every-steps=" + CHECKPOINT_EVERY);
        return server;
    }

    @Test
    void everyRunSurvivesKillNineAndEndsAsIfUninterrupted() throws Exception {
        // first life: two students sign up; the server dies within half a second of the second sign-up
        start();
        try (Student ada = new Student(chromium, server.url("")); Student bob = new Student(chromium, server.url(""))) {
            ada.signUpAndLogIn("ada");
            bob.signUpAndLogIn("bob");
            sleep(random.nextInt(500));
            server.kill();
        }
        table.add(new Row(1, "after a sign-up", "both accounts acknowledged", "-"));

        // while no server runs, the operator's database gets ada's queued runs, one shared by link with bob
        UUID ada = accountId("ada");
        UUID bob = accountId("bob");
        assertThat(ada).as("ada's acknowledged sign-up survived the kill").isNotNull();
        assertThat(bob).as("bob's acknowledged sign-up survived the kill").isNotNull();
        runs.put(UUID.randomUUID(), TrainingConfig.exercise(ModelFamily.FLOW_MATCHING, 3).withPoints(60_000).withEpochs(4));
        runs.put(UUID.randomUUID(), TrainingConfig.exercise(ModelFamily.NORMALIZING_FLOW, 5).withPoints(24_000).withEpochs(4));
        runs.put(UUID.randomUUID(), TrainingConfig.exercise(ModelFamily.CONDITIONAL_FLOW_MATCHING, 7).withPoints(60_000).withEpochs(4));
        queue(ada, bob);

        int kill = 2;
        start();
        while (kill <= KILLS && finished().size() < runs.size()) {
            Moment moment = next(kill);
            String landed = killAt(server, moment, ada);
            int logOffset = readLog().length();
            start();
            table.add(new Row(kill, moment.name().toLowerCase(Locale.ROOT).replace('_', ' '), landed, resumed(logOffset)));
            kill++;
        }
        awaitTrue(() -> finished().size() == runs.size(), Duration.ofMinutes(5), "every run finished");
        ServerProcess.Stop stop = server.stop(Duration.ofSeconds(30));
        print(stop);

        Map<UUID, TrainingResult> uninterrupted = new LinkedHashMap<>();
        for (Map.Entry<UUID, TrainingConfig> run : runs.entrySet()) {
            Path reference = data.resolve("reference-" + run.getKey());
            Files.createDirectories(reference);
            uninterrupted.put(run.getKey(), new Trainer(new RunExportWriter(reference), null,
                    new CheckpointPolicy(reference.resolve(RunExportFiles.CHECKPOINT), CHECKPOINT_EVERY), 1).train(run.getValue()));
        }
        try (Connection db = database()) {
            for (Map.Entry<UUID, TrainingConfig> run : runs.entrySet()) {
                UUID id = run.getKey();
                TrainingResult reference = uninterrupted.get(id);
                Object[] row = single(db, "select status, heldout_nll, in_ring_fraction, sliced_w2, steps_done from run where id = ?", id);
                assertThat(row[0]).as("run %s", id).isEqualTo("FINISHED");
                assertThat(trainersPerServer(id)).as("trainers of run %s in each server process", id).allMatch(count -> count == 1);
                assertThat(((Number) row[4]).longValue()).isEqualTo(run.getValue().totalSteps());
                List<Integer> epochs = new ArrayList<>();
                for (Object[] epoch : rows(db, "select epoch from run_epoch where run_id = ? order by epoch", id)) {
                    epochs.add(((Number) epoch[0]).intValue());
                }
                assertThat(epochs).as("epochs 0..E-1, each once").isEqualTo(IntStream.range(0, run.getValue().epochs()).boxed().toList());
                List<Object[]> steps = rows(db, "select step from run_progress where run_id = ? order by step", id);
                assertThat(steps).isNotEmpty();
                assertThat(((Number) steps.getLast()[0]).longValue()).isEqualTo(run.getValue().totalSteps());
                float[] losses = BatchLossFile.read(runDirectory(id).resolve(RunExportFiles.BATCH_LOSSES));
                float[] uninterruptedLosses = BatchLossFile.read(data.resolve("reference-" + id).resolve(RunExportFiles.BATCH_LOSSES));
                int firstDifferent = SameRun.firstStepNotBitIdentical(losses, uninterruptedLosses);
                SameRun.Figures figures = new SameRun.Figures(((Number) row[1]).doubleValue(),
                        ((Number) row[2]).doubleValue(), ((Number) row[3]).doubleValue());
                SameRun.Figures uninterruptedFigures = SameRun.Figures.of(reference.figures());
                System.out.printf("%s %s: %s; held-out NLL %s, uninterrupted %s%n", run.getValue().family().code(), id,
                        firstDifferent == 0 ? "every batch loss bit for bit the uninterrupted run's"
                                : "batch losses bit for bit the uninterrupted run's up to step " + (firstDifferent - 1),
                        figures.heldOutNll(), uninterruptedFigures.heldOutNll());
                if (firstDifferent != 0 || !figures.equals(uninterruptedFigures)) {
                    System.out.println(logOf(id));
                }
                SameRun.assertSameLosses(losses, uninterruptedLosses);
                SameRun.assertSameFigures(figures, uninterruptedFigures);
            }
            if (revoked) {
                Object[] sharing = single(db, "select sharing, share_token from run where id = ?", revokedRun);
                assertThat(sharing[0]).as("the revoked link stays revoked").isEqualTo("PRIVATE");
                assertThat(sharing[1]).isNull();
                assertThat(rows(db, "select 1 from run_link_grant g join run r on r.id = g.run_id "
                        + "where g.run_id = ? and g.token = r.share_token", revokedRun)).isEmpty();
            }
        }
        try (Stream<Path> files = Files.walk(data.resolve("runs"))) {
            assertThat(files.filter(file -> file.toString().endsWith(DurableFile.TEMPORARY_SUFFIX)).toList())
                    .as("temporary files left").isEmpty();
        }
        assertThat(stop.took()).as("graceful stop").isLessThan(Duration.ofSeconds(15));
    }

    /** The moments cycle so that a short series still meets each of them once. */
    private Moment next(int kill) {
        Moment[] order = {Moment.DURING_STEPS, Moment.DURING_CHECKPOINT_WRITE, Moment.AFTER_EPOCH_BOUNDARY,
            Moment.DURING_EVALUATION, Moment.AFTER_REVOCATION};
        Moment moment = kill - 2 < order.length ? order[kill - 2] : Moment.values()[random.nextInt(Moment.values().length)];
        return moment == Moment.AFTER_REVOCATION && revoked ? Moment.DURING_STEPS : moment;
    }

    /** Waits for the moment, kills the server, and says where the kill landed. */
    private String killAt(ServerProcess server, Moment moment, UUID ada) throws IOException {
        String landed;
        switch (moment) {
            case DURING_STEPS -> {
                Map<UUID, Long> sizes = batchLossSizes();
                boolean seen = waitFor(() -> !batchLossSizes().equals(sizes));
                int delay = random.nextInt(1500);
                sleep(delay);
                landed = (seen ? "" : "no step seen; ") + delay + " ms after a step was recorded";
            }
            case AFTER_EPOCH_BOUNDARY -> {
                long epochs = snapshotCount();
                boolean seen = waitFor(() -> snapshotCount() > epochs);
                int delay = random.nextInt(100);
                sleep(delay);
                landed = seen ? delay + " ms after an epoch's samples were written" : "no epoch ended in time";
            }
            case DURING_CHECKPOINT_WRITE -> {
                boolean seen = waitFor(() -> temporaryFiles() > 0);
                server.kill();
                return (seen ? "a temporary file was being written" : "no checkpoint write seen") + "; left behind: " + temporaryFiles();
            }
            case DURING_EVALUATION -> {
                boolean seen = waitFor(() -> !evaluating().isEmpty());
                int delay = random.nextInt(2000);
                sleep(delay);
                landed = seen ? delay + " ms into the held-out figures of " + family(evaluating()) : "no evaluation seen";
            }
            case AFTER_REVOCATION -> {
                revokedRun = runs.keySet().iterator().next();
                try (Student owner = new Student(chromium, server.url(""))) {
                    owner.logIn("ada");
                    Page page = owner.page();
                    page.navigate(server.url("/runs/" + revokedRun));
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke link")).click();
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke link")).waitFor(
                            new com.microsoft.playwright.Locator.WaitForOptions().setState(
                                    com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
                    revoked = true;
                    int delay = random.nextInt(1000);
                    sleep(delay);
                    server.kill();
                    return delay + " ms after the revocation was shown";
                }
            }
            default -> throw new IllegalStateException();
        }
        server.kill();
        return landed;
    }

    /** How long after the restart a trainer took an unfinished run up again (from its checkpoint, or from the start). */
    private String resumed(int logOffset) {
        if (finished().size() == runs.size()) {
            return "nothing left to resume";
        }
        long started = System.nanoTime();
        Pattern taken = Pattern.compile("run \\S+ (resumes from its checkpoint at step (\\d+)|starts) as job");
        awaitTrue(() -> taken.matcher(readLog().substring(logOffset)).find(), RESUME_BOUND,
                "an interrupted run resumes within " + RESUME_BOUND.toSeconds() + " s of the restart");
        Matcher match = taken.matcher(readLog().substring(logOffset));
        match.find();
        return String.format(Locale.ROOT, "%.1f s after the server was up%s", (System.nanoTime() - started) / 1e9,
                match.group(2) == null ? ", a queued run started" : ", from step " + match.group(2));
    }

    private void print(ServerProcess.Stop stop) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%nkill -9 chaos, seed %d%n%-5s %-26s %-62s %s%n", SEED,
                "kill", "moment", "where it landed", "resumed"));
        for (Row row : table) {
            text.append(String.format(Locale.ROOT, "%-5d %-26s %-62s %s%n", row.kill(), row.moment(), row.landed(), row.resumed()));
        }
        text.append(String.format(Locale.ROOT, "graceful stop after the last run: %.2f s (exit %d)%n", stop.took().toMillis() / 1e3,
                stop.exitStatus()));
        System.out.println(text);
        try {
            Files.writeString(data.resolve("chaos-table.txt"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- what the test sees of the server: its files and its log ----------------------------

    private Path runDirectory(UUID id) {
        return data.resolve("runs").resolve(id.toString());
    }

    private Map<UUID, Long> batchLossSizes() {
        Map<UUID, Long> sizes = new LinkedHashMap<>();
        for (UUID id : runs.keySet()) {
            Path file = runDirectory(id).resolve(RunExportFiles.BATCH_LOSSES);
            try {
                sizes.put(id, Files.exists(file) ? Files.size(file) : 0L);
            } catch (IOException e) {
                sizes.put(id, -1L);
            }
        }
        return sizes;
    }

    private long snapshotCount() {
        long count = 0;
        for (UUID id : runs.keySet()) {
            for (int epoch = 0; epoch < runs.get(id).epochs(); epoch++) {
                if (Files.exists(runDirectory(id).resolve(RunExportFiles.samples(epoch)))) {
                    count++;
                }
            }
        }
        return count;
    }

    private long temporaryFiles() {
        long count = 0;
        for (UUID id : runs.keySet()) {
            try (Stream<Path> files = Files.list(runDirectory(id))) {
                count += files.filter(file -> file.toString().endsWith(DurableFile.TEMPORARY_SUFFIX)).count();
            } catch (IOException e) {
                // the run has not started yet
            }
        }
        return count;
    }

    /** Runs whose last checkpoint ends the training but whose figures are not yet logged. */
    private List<UUID> evaluating() {
        List<UUID> finished = finished();
        List<UUID> evaluating = new ArrayList<>();
        for (UUID id : runs.keySet()) {
            Path checkpoint = runDirectory(id).resolve(RunExportFiles.CHECKPOINT);
            if (!finished.contains(id) && Files.exists(checkpoint)) {
                try {
                    Checkpoint state = CheckpointFile.read(checkpoint);
                    if (state.nextEpoch() == runs.get(id).epochs()) {
                        evaluating.add(id);
                    }
                } catch (RuntimeException e) {
                    // replaced while read
                }
            }
        }
        return evaluating;
    }

    private String family(List<UUID> ids) {
        return ids.isEmpty() ? "?" : runs.get(ids.getFirst()).family().code();
    }

    private List<UUID> finished() {
        String text = Files.exists(log) ? readLog() : "";
        return runs.keySet().stream().filter(id -> text.contains("run " + id + " finished after")).toList();
    }

    /** How many trainers started or resumed the run in each server process (the log's process id) that trained it. */
    private Collection<Long> trainersPerServer(UUID run) {
        Pattern trainer = Pattern.compile(
                "INFO (\\d+) --- .*run " + run + " (starts as job|resumes from its checkpoint)");
        Map<String, Long> counts = new LinkedHashMap<>();
        readLog().lines().map(trainer::matcher).filter(Matcher::find)
                .forEach(match -> counts.merge(match.group(1), 1L, Long::sum));
        assertThat(counts).as("trainers of run %s in the log", run).isNotEmpty();
        return counts.values();
    }

    /** The server log's lines about the run, and each start's engine line, for a run that did not end bit for bit as uninterrupted. */
    private String logOf(UUID run) {
        return readLog().lines().filter(line -> line.contains(run.toString()) || line.contains("Flowfield computes on"))
                .collect(Collectors.joining("\n"));
    }

    private String readLog() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the database, while no server runs ----------------------------------------------------

    private Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + data.resolve("flowfield") + ";DB_CLOSE_ON_EXIT=FALSE", "flowfield", "");
    }

    private UUID accountId(String username) throws SQLException {
        try (Connection db = database()) {
            List<Object[]> found = rows(db, "select id from account where username = ?", username);
            return found.isEmpty() ? null : (UUID) found.getFirst()[0];
        }
    }

    private void queue(UUID owner, UUID viewer) throws SQLException {
        try (Connection db = database()) {
            Instant now = Instant.now();
            int i = 0;
            for (Map.Entry<UUID, TrainingConfig> run : runs.entrySet()) {
                StringBuilder settings = new StringBuilder();
                TrainingConfigCodec.encode(run.getValue()).forEach((key, value) -> settings.append(key).append('=').append(value).append('\n'));
                Sql.update(db, "insert into run (id, owner_id, name, family, settings, status, created_at, cancel_requested, steps_done, "
                                + "total_steps) values (?, ?, ?, ?, ?, 'QUEUED', ?, false, 0, ?)",
                        run.getKey(), owner, "chaos " + run.getValue().family().code(), run.getValue().family().code(), settings.toString(),
                        Timestamp.from(now.plusMillis(i++)), run.getValue().totalSteps());
            }
            UUID shared = runs.keySet().iterator().next();
            Sql.update(db, "update run set sharing = 'LINK', share_token = ? where id = ?", "chaos-link-token", shared);
            Sql.update(db, "insert into run_link_grant (run_id, account_id, token, granted_at) values (?, ?, ?, ?)", shared, viewer,
                    "chaos-link-token", Timestamp.from(now));
        }
    }


    private static List<Object[]> rows(Connection db, String sql, Object... parameters) throws SQLException {
        try (var statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Object[]> rows = new ArrayList<>();
            try (var result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = result.getObject(c + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private static Object[] single(Connection db, String sql, Object... parameters) throws SQLException {
        List<Object[]> found = rows(db, sql, parameters);
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    // ---- waiting ----------------------------------------------------------------------------

    private static boolean waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + EVENT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.onSpinWait();
        }
        return false;
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting until " + what);
            }
            sleep(50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
