package org.flowfield.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Queued runs for tests, with readable, ordered ids. */
final class Runs {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private Runs() {
    }

    /** Run number {@code n}, whose id is {@code 00000000-0000-0000-0000-<n>}. */
    static QueuedRun run(int n, String owner, Instant queuedAt) {
        return new QueuedRun(new UUID(0, n), owner, queuedAt);
    }

    /** Run {@code n} queued {@code seconds} after {@link #T0}. */
    static QueuedRun run(int n, String owner, long seconds) {
        return run(n, owner, at(seconds));
    }

    static Instant at(long seconds) {
        return T0.plus(Duration.ofSeconds(seconds));
    }

    static List<String> owners(List<QueuedRun> runs) {
        List<String> owners = new ArrayList<>();
        runs.forEach(run -> owners.add(run.owner()));
        return owners;
    }
}
