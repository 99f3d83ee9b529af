package org.flowfield.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowfield.browser.Chromium;
import org.flowfield.browser.Student;
import org.flowfield.testing.ServerProcess;
import org.junit.jupiter.api.Test;

/**
 * What a watcher costs the server: one class-conditional run with the quick preset (80 epochs, so that it trains through every window) trains on the
 * packaged server while 0, then 1, 2 and 4 real Chromium pages watch its live page. Over each
 * window it reads the CPU time of the server's threads (from /proc): its pack trainers' apart from
 * everything else it does (pushing frames, serving pages, its database, its garbage collector), the
 * run's training steps (from the API) and the bytes pushed to each page (its WebSocket frames). It
 * reports the serving CPU each watcher adds. The browsers share the machine, so on a small one the
 * steps per second fall with them: that is the browsers' drawing, not the server's work. Run with
 * {@code ./mvnw -Pwatchers verify}; writes {@code target/watcher-cost.txt}.
 */
class WatcherCostBenchmark {

    private static final Duration WINDOW = Duration.ofSeconds(Integer.getInteger("flowfield.watchers.window-seconds", 15));
    private static final int[] WATCHERS = {0, 1, 2, 4};
    private static final Pattern STEPS_DONE = Pattern.compile("\"stepsDone\":(\\d+)");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([a-z_]+)\"");

    private final Path data = Path.of("target", "watchers", "run-" + UUID.randomUUID()).toAbsolutePath();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void eachWatcherCostsTheServerLittle() throws Exception {
        Files.createDirectories(data);
        LoadUser student = LoadAccounts.create(data, 1).getFirst();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%nWhat a watcher costs: one cfm run (quick preset, 80 epochs) on the packaged server, %d s windows, %s, %d cores%n"
                        + "watchers  training CPU (cores)  serving CPU (cores)  serving per watcher  steps/s  pushed KB/s per watcher%n",
                WINDOW.toSeconds(), cpuName(), Runtime.getRuntime().availableProcessors()));
        try (ServerProcess server = ServerProcess.start(data.resolve("server.log"), Map.of(), "--flowfield.data-dir=" + data);
                Chromium chromium = Chromium.launch()) {
            String run = queue(server, student);
            awaitTraining(server, student, run);
            List<Student> pages = new ArrayList<>();
            AtomicLong pushed = new AtomicLong();
            double alone = Double.NaN;
            for (int watchers : WATCHERS) {
                while (pages.size() < watchers) {
                    Student watcher = new Student(chromium, server.url("")).logIn(student.username());
                    watcher.page().onWebSocket(socket -> socket.onFrameReceived(frame -> pushed.addAndGet((frame.text() != null ? frame.text().length() : frame.binary().length))));
                    watcher.page().navigate(server.url("/runs/" + run));
                    watcher.page().waitForSelector("flowfield-chart", new Page.WaitForSelectorOptions().setTimeout(30_000));
                    pages.add(watcher);
                }
                long stepsBefore = stepsDone(server, student, run);
                long[] cpuBefore = cpuTicks(server.pid());
                long bytesBefore = pushed.get();
                long start = System.nanoTime();
                if (pages.isEmpty()) {
                    Thread.sleep(WINDOW.toMillis());
                } else {
                    // Playwright hands over the pages' events (the frames counted) only while it is called
                    pages.getFirst().page().waitForTimeout(WINDOW.toMillis());
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long[] cpuAfter = cpuTicks(server.pid());
                double training = (cpuAfter[0] - cpuBefore[0]) / 100.0 / seconds;
                double serving = (cpuAfter[1] - cpuBefore[1]) / 100.0 / seconds;
                double steps = (stepsDone(server, student, run) - stepsBefore) / seconds;
                double kilobytes = watchers == 0 ? 0 : (pushed.get() - bytesBefore) / 1024.0 / seconds / watchers;
                if (watchers == 0) {
                    alone = serving;
                }
                report.append(String.format(Locale.ROOT, "%8d  %20.2f  %19.3f  %19s  %7.0f  %23.1f%n", watchers, training, serving,
                        watchers == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (serving - alone) / watchers), steps, kilobytes));
                assertThat(status(server, student, run)).as("the run trains through every window").isEqualTo("running");
            }
            pages.forEach(Student::close);
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "watcher-cost.txt"), report);
    }

    private String queue(ServerProcess server, LoadUser student) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(server.url("/api/runs")))
                .header("Authorization", "Bearer " + student.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"family\": \"cfm\", \"preset\": \"QUICK\", \"epochs\": 80, \"name\": \"watched\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(answer.body());
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    private void awaitTraining(ServerProcess server, LoadUser student, String run) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (stepsDone(server, student, run) == 0) {
            assertThat(System.nanoTime()).as("the run starts within 2 minutes").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private long stepsDone(ServerProcess server, LoadUser student, String run) throws IOException, InterruptedException {
        Matcher steps = STEPS_DONE.matcher(get(server, student, "/api/runs/" + run));
        assertThat(steps.find()).isTrue();
        return Long.parseLong(steps.group(1));
    }

    private String status(ServerProcess server, LoadUser student, String run) throws IOException, InterruptedException {
        Matcher status = STATUS.matcher(get(server, student, "/api/runs/" + run));
        assertThat(status.find()).isTrue();
        return status.group(1);
    }

    private String get(ServerProcess server, LoadUser student, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.url(path))).header("Authorization", "Bearer " + student.token()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /**
     * User plus system CPU time of the process's threads, in clock ticks (100 a second on Linux):
     * [the pack trainers' threads, every other thread].
     */
    private static long[] cpuTicks(long pid) {
        long[] ticks = new long[2];
        try (var threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads.toList()) {
                try {
                    String name = Files.readString(thread.resolve("comm")).strip();
                    String stat = Files.readString(thread.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks[name.startsWith("pack-") ? 0 : 1] += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (java.nio.file.NoSuchFileException ended) {
                    // the thread ended between listing and reading
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ticks;
    }

    private static String cpuName() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                .findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown CPU");
    }
}
