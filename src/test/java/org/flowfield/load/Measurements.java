package org.flowfield.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every response of the load test: which kind ({@value #PAGE}: a page load, {@value #API}: an API
 * call, {@value #HEAVY}: a heavy tab's answer in a browser), what was asked, the HTTP status (0: no
 * answer) and how long it took. Gatling's JVM writes its share to a file, one response a line.
 */
final class Measurements {

    static final String PAGE = "page";
    static final String API = "api";
    static final String HEAVY = "heavy";

    record Response(String kind, String name, int status, long millis) {

        boolean serverError() {
            return status == 0 || status >= 500;
        }

        /**
         * An answer a correct server never gives these requests: any 4xx but 409 (a full queue, an
         * unfinished run's figures) and 429 (the heavy answers' limit); a server that fails inside
         * its security filters can answer 401 or 403 instead of 500.
         */
        boolean unexpected() {
            return status >= 400 && status < 500 && status != 409 && status != 429;
        }
    }

    private final ConcurrentLinkedQueue<Response> responses = new ConcurrentLinkedQueue<>();
    private final AtomicInteger logInsRefused = new AtomicInteger();

    void add(String kind, String name, int status, long millis) {
        responses.add(new Response(kind, name, status, millis));
    }

    void logIn(boolean succeeded) {
        if (!succeeded) {
            logInsRefused.incrementAndGet();
        }
    }

    List<Response> responses() {
        return List.copyOf(responses);
    }

    void write(Path file) {
        List<String> lines = new ArrayList<>();
        lines.add("log-ins refused\t" + logInsRefused.get());
        responses.forEach(response -> lines.add(String.format(Locale.ROOT, "%s\t%s\t%d\t%d", response.kind(), response.name(),
                response.status(), response.millis())));
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@link #write} wrote. */
    static Measurements read(Path file) {
        Measurements read = new Measurements();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] fields = line.split("\t");
                if (fields.length == 2) {
                    read.logInsRefused.set(Integer.parseInt(fields[1]));
                } else {
                    read.add(fields[0], fields[1], Integer.parseInt(fields[2]), Long.parseLong(fields[3]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read;
    }

    int logInsRefused() {
        return logInsRefused.get();
    }

    void addAll(Measurements other) {
        responses.addAll(other.responses);
        logInsRefused.addAndGet(other.logInsRefused.get());
    }
}
