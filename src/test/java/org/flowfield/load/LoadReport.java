package org.flowfield.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.flowfield.load.Measurements.Response;

/** The load test's figures, worked out from what was measured, and the text that reports them. */
record LoadReport(LoadSettings settings, Measurements measurements, Map<String, QueueWaits.PersonWait> waits,
        ServerGauges.Reading start, ServerGauges.Reading end, long serverLogErrors) {

    List<Response> serverErrors() {
        return measurements.responses().stream().filter(Response::serverError).toList();
    }

    List<Response> unexpectedAnswers() {
        return measurements.responses().stream().filter(Response::unexpected).toList();
    }

    /**
     * The p-th percentile (nearest rank) of one kind's response times, in ms: of every answered
     * page load or API call, of every heavy answer drawn.
     */
    long percentile(String kind, double p) {
        Predicate<Response> timed = kind.equals(Measurements.HEAVY) ? r -> r.status() == 200 : r -> !r.serverError();
        return percentile(measurements.responses().stream().filter(r -> r.kind().equals(kind)).filter(timed)
                .map(Response::millis).toList(), p);
    }

    static long percentile(Collection<Long> values, double p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    long count(String kind, Predicate<Response> which) {
        return measurements.responses().stream().filter(r -> r.kind().equals(kind)).filter(which).count();
    }

    double meanWait() {
        return waits.values().stream().mapToDouble(QueueWaits.PersonWait::meanSeconds).average().orElse(Double.NaN);
    }

    /** The longest of the people's mean waits against the mean over all people. */
    double longestWaitAgainstMean() {
        return waits.values().stream().mapToDouble(QueueWaits.PersonWait::meanSeconds).max().orElse(Double.NaN) / meanWait();
    }

    String text(String cpu) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%nFlowfield under load: %d people (%d through Gatling, %d in Chromium on heavy tabs, "
                        + "one of them hammering) for %d s, %d training slots%n%s%n", settings.users(), settings.apiUsers(),
                settings.browsers(), settings.duration().toSeconds(), settings.slots(), cpu));
        text.append(String.format(Locale.ROOT, "server errors (5xx or no answer): %d (goal 0); ERROR lines in the server log: %d%n",
                serverErrors().size(), serverLogErrors));
        serverErrors().stream().collect(Collectors.groupingBy(r -> r.kind() + " " + r.name() + " -> " + r.status(), TreeMap::new,
                Collectors.counting())).forEach((what, n) -> text.append(String.format(Locale.ROOT, "    %5d x %s%n", n, what)));
        text.append(String.format(Locale.ROOT, "unexpected 4xx answers: %d; log-ins refused: %d%n", unexpectedAnswers().size(),
                measurements.logInsRefused()));
        for (String kind : List.of(Measurements.PAGE, Measurements.API)) {
            text.append(String.format(Locale.ROOT, "%-10s %6d requests; p50 %5d ms, p95 %5d ms, p99 %5d ms, max %5d ms; answers %s%n",
                    kind.equals(Measurements.PAGE) ? "page loads" : "API calls", count(kind, r -> true), percentile(kind, 50),
                    percentile(kind, 95), percentile(kind, 99), percentile(kind, 100), statuses(kind)));
        }
        text.append(String.format(Locale.ROOT, "heavy tabs %6d answers drawn (p50 %d ms, p95 %d ms, max %d ms), %d refused by the "
                        + "per-person limit, %d failed%n", count(Measurements.HEAVY, r -> r.status() == 200),
                percentile(Measurements.HEAVY, 50), percentile(Measurements.HEAVY, 95), percentile(Measurements.HEAVY, 100),
                count(Measurements.HEAVY, r -> r.status() == 429), count(Measurements.HEAVY, Response::serverError)));
        text.append(String.format(Locale.ROOT, "queue wait (queued -> training) of the runs queued after the %d s warm-up, mean over "
                + "%d people: %.1f s; longest person's mean %.2f x the mean (goal <= 1.5)%n", settings.warmUp().toSeconds(), waits.size(),
                meanWait(), longestWaitAgainstMean()));
        waits.values().forEach(wait -> text.append(String.format(Locale.ROOT, "    %-10s %3d runs, mean wait %6.1f s (%.2f x)%n",
                wait.username(), wait.runs(), wait.meanSeconds(), wait.meanSeconds() / meanWait())));
        text.append(String.format(Locale.ROOT, "server heap in use after a full GC: %.0f MB at the start, %.0f MB at the end%n",
                start.heapUsedMegabytes(), end.heapUsedMegabytes()));
        text.append(String.format(Locale.ROOT, "server live threads: %d at the start, %d at the end%n", start.threads(), end.threads()));
        return text.toString();
    }

    private String statuses(String kind) {
        return measurements.responses().stream().filter(r -> r.kind().equals(kind))
                .collect(Collectors.groupingBy(Response::status, TreeMap::new, Collectors.counting())).entrySet().stream()
                .map(entry -> entry.getKey() + ": " + entry.getValue()).collect(Collectors.joining(", "));
    }

    void write(Path file, String cpu) {
        try {
            Files.writeString(file, text(cpu));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
