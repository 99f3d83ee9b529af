package org.flowfield.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.flowfield.testing.Sql;
import org.flowfield.flows.ModelFamily;
import org.flowfield.testing.ServerProcess;
import org.flowfield.training.TrainingConfig;
import org.flowfield.training.TrainingConfigCodec;
import org.flowfield.training.export.RunExportFiles;
import org.junit.jupiter.api.Test;

/**
 * "A class at the deadline": the packaged server with its default settings, and 30 students who
 * each queue the exercise's recipe (250,000 points, 20 epochs; 10 normalizing flows, 10 flow
 * matching, 10 class-conditional, each with its own seed) at the same moment. Measures, from
 * that moment, when every run has shown its first epoch, when the last one has finished, and each
 * student's wait for their first epoch. Not part of {@code verify}:
 * {@code ./mvnw -Pdeadline verify} runs it ({@code -Dflowfield.deadline.students=N} for fewer),
 * prints a table and writes {@code target/class-at-the-deadline.txt}.
 */
class ClassAtTheDeadlineBenchmark {

    private static final int STUDENTS = Integer.getInteger("flowfield.deadline.students", 30);
    private static final int EPOCHS = Integer.getInteger("flowfield.deadline.epochs", TrainingConfig.DEFAULT_EPOCHS);
    /** Settings for the server beyond its defaults, e.g. {@code --flowfield.queue.gpu=true} on a GPU. */
    private static final String[] SERVER_SETTINGS = System.getProperty("flowfield.deadline.server-settings", "").isBlank()
            ? new String[0] : System.getProperty("flowfield.deadline.server-settings").strip().split("\\s+");

    private final Path data = Path.of("target", "deadline", "class-" + UUID.randomUUID()).toAbsolutePath();
    private final Path log = data.resolve("server.log");
    /** CPU time the server process had used when the last run finished, all its threads together. */
    private double serverCpuSeconds;
    private ThreadCpu threads;

    /** The same program outside JUnit, for the GPU check (.ci/gpu-check), which carries no build tool. */
    public static void main(String[] args) throws Exception {
        new ClassAtTheDeadlineBenchmark().thirtyStudentsQueueTheExerciseAtOnce();
    }

    @Test
    void thirtyStudentsQueueTheExerciseAtOnce() throws Exception {
        ServerProcess.start(log, Map.of(), arguments()).stop(java.time.Duration.ofSeconds(30));
        Map<UUID, TrainingConfig> runs = new LinkedHashMap<>();
        ModelFamily[] families = {ModelFamily.NORMALIZING_FLOW, ModelFamily.FLOW_MATCHING, ModelFamily.CONDITIONAL_FLOW_MATCHING};
        for (int student = 0; student < STUDENTS; student++) {
            runs.put(UUID.randomUUID(), TrainingConfig.exercise(families[student % 3], 100 + student).withEpochs(EPOCHS));
        }
        Instant submitted;
        try (Connection db = database()) {
            submitted = Instant.now();
            int student = 0;
            for (Map.Entry<UUID, TrainingConfig> run : runs.entrySet()) {
                UUID account = UUID.randomUUID();
                Sql.update(db, "insert into account (id, username, password_hash, created_at) values (?, ?, ?, ?)", account,
                        "student" + student, "$2a$04$unused", Timestamp.from(submitted));
                StringBuilder settings = new StringBuilder();
                TrainingConfigCodec.encode(run.getValue()).forEach((key, value) -> settings.append(key).append('=').append(value).append('\n'));
                Sql.update(db, "insert into run (id, owner_id, name, family, settings, status, created_at, cancel_requested, steps_done, "
                                + "total_steps) values (?, ?, ?, ?, ?, 'QUEUED', ?, false, 0, ?)",
                        run.getKey(), account, "deadline", run.getValue().family().code(), settings.toString(),
                        Timestamp.from(submitted.plusMillis(student)), run.getValue().totalSteps());
                student++;
            }
        }
        long start = System.nanoTime();
        Map<UUID, Double> firstEpoch = new LinkedHashMap<>();
        Map<UUID, Double> finished = new LinkedHashMap<>();
        Map<UUID, Double> failed = new LinkedHashMap<>();
        try (ServerProcess server = ServerProcess.start(log, Map.of(), arguments())) {
            threads = new ThreadCpu(server.pid());
            while (finished.size() + failed.size() < runs.size()) {
                double now = (System.nanoTime() - start) / 1e9;
                String text = Files.readString(log);
                for (UUID id : runs.keySet()) {
                    if (!firstEpoch.containsKey(id)
                            && Files.exists(data.resolve("runs").resolve(id.toString()).resolve(RunExportFiles.samples(0)))) {
                        firstEpoch.put(id, now);
                    }
                    if (!finished.containsKey(id) && text.contains("run " + id + " finished after")) {
                        finished.put(id, now);
                    }
                    if (!failed.containsKey(id) && text.contains("run " + id + " failed")) {
                        failed.put(id, now);
                    }
                }
                assertThat(server.alive()).isTrue();
                threads.sample();
                Thread.sleep(250);
            }
            threads.sample();
            serverCpuSeconds = ProcessHandle.of(server.pid()).flatMap(process -> process.info().totalCpuDuration())
                    .map(cpu -> cpu.toMillis() / 1e3).orElse(Double.NaN);
            server.stop(java.time.Duration.ofSeconds(30));
        }
        report(runs, firstEpoch, finished, failed);
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                "select count(*) from run where name = 'deadline' and (status = 'FINISHED' or status = 'FAILED' and failure_reason is not null)");
                ResultSet result = query.executeQuery()) {
            result.next();
            assertThat(result.getInt(1)).as("every run finished, or failed with its reason").isEqualTo(runs.size());
        }
    }

    private String[] arguments() {
        String[] arguments = java.util.Arrays.copyOf(SERVER_SETTINGS, SERVER_SETTINGS.length + 1);
        arguments[SERVER_SETTINGS.length] = "--flowfield.data-dir=" + data;
        return arguments;
    }

    private void report(Map<UUID, TrainingConfig> runs, Map<UUID, Double> firstEpoch, Map<UUID, Double> finished,
            Map<UUID, Double> failed) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%nA class at the deadline: %d students, exercise recipe, %d epochs, %s, %d cores%n", runs.size(), EPOCHS,
                cpu(), Runtime.getRuntime().availableProcessors()));
        List<Double> waits = new ArrayList<>(firstEpoch.values());
        double mean = waits.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double longest = waits.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        text.append(String.format(Locale.ROOT, "every run's first epoch shown after   %7.1f s%n", longest));
        text.append(String.format(Locale.ROOT, "the last run finished after            %7.1f s%n",
                finished.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)));
        text.append(String.format(Locale.ROOT, "wait for the first epoch: mean %.1f s, longest %.1f s (%.2f x the mean)%n", mean, longest,
                longest / mean));
        double last = finished.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        int cores = Runtime.getRuntime().availableProcessors();
        text.append(String.format(Locale.ROOT, "server CPU until then: %.0f core-seconds, %.0f%% of %d cores%n", serverCpuSeconds,
                100 * serverCpuSeconds / (last * cores), cores));
        text.append(threads.table(serverCpuSeconds));
        for (ModelFamily family : ModelFamily.values()) {
            long failures = failed.keySet().stream().filter(id -> runs.get(id).family() == family).count();
            text.append(String.format(Locale.ROOT, "  %-4s first epoch %s; finished %s%s%n", family.code(),
                    range(runs, firstEpoch, family), range(runs, finished, family),
                    failures == 0 ? "" : String.format(Locale.ROOT, "; %d failed (see the server log)", failures)));
        }
        System.out.println(text);
        try {
            Files.writeString(Path.of("target", "class-at-the-deadline.txt"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String range(Map<UUID, TrainingConfig> runs, Map<UUID, Double> times, ModelFamily family) {
        double[] values = runs.entrySet().stream().filter(run -> run.getValue().family() == family && times.containsKey(run.getKey()))
                .mapToDouble(run -> times.get(run.getKey())).sorted().toArray();
        return values.length == 0 ? "-" : String.format(Locale.ROOT, "%.1f-%.1f s", values[0], values[values.length - 1]);
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + data.resolve("flowfield") + ";DB_CLOSE_ON_EXIT=FALSE", "flowfield", "");
    }

}
