package org.flowfield.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of another process's threads, grouped by thread name (digits folded, so that
 * {@code pack-fm-3} and {@code pack-fm-4} are one group), read from Linux's {@code /proc}. Threads
 * come and go (pool threads idle out), so {@link #sample} is called often and keeps each thread's
 * last reading: a thread that ended between two samples loses at most that interval.
 */
final class ThreadCpu {

    /** Linux's USER_HZ, the unit of utime and stime in /proc/[pid]/task/[tid]/stat, on every architecture. */
    private static final double TICKS_PER_SECOND = 100;

    private final Path tasks;
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Long> ticks = new HashMap<>();

    ThreadCpu(long pid) {
        this.tasks = Path.of("/proc", Long.toString(pid), "task");
    }

    void sample() {
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                read(thread);
            }
        } catch (IOException e) {
            // the process ended, or /proc is not there: keep what was read
        }
    }

    private void read(Path thread) {
        try {
            String stat = Files.readString(thread.resolve("stat"));
            // the name in parentheses may hold spaces; the fields after it are fixed
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            String id = thread.getFileName().toString();
            names.put(id, stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#"));
            ticks.put(id, used);
        } catch (IOException | RuntimeException e) {
            // the thread ended while being read
        }
    }

    /** Core-seconds per thread-name group, the largest first. */
    Map<String, Double> byGroup() {
        Map<String, Double> groups = new TreeMap<>();
        ticks.forEach((id, used) -> groups.merge(names.get(id), used / TICKS_PER_SECOND, Double::sum));
        return groups;
    }

    String table(double processSeconds) {
        StringBuilder text = new StringBuilder("server CPU by thread (core-seconds):\n");
        double counted = 0;
        double small = 0;
        for (Map.Entry<String, Double> group : byGroup().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList()) {
            counted += group.getValue();
            if (group.getValue() >= 1) {
                text.append(String.format(Locale.ROOT, "  %-24s %8.1f%n", group.getKey(), group.getValue()));
            } else {
                small += group.getValue();
            }
        }
        text.append(String.format(Locale.ROOT, "  %-24s %8.1f%n", "other threads", small));
        text.append(String.format(Locale.ROOT, "  %-24s %8.1f%n", "threads that ended unseen", Math.max(0, processSeconds - counted)));
        return text.toString();
    }
}
