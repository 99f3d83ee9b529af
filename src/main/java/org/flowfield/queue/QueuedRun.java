package org.flowfield.queue;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * A training run waiting in the queue: which run, whose it is, and when it was queued. Exactly the
 * columns a database row of the queue holds, so the policy can be computed from what was read back.
 *
 * @param runId the run's identity
 * @param owner the user who queued it; users take turns by this name
 * @param queuedAt when it was queued; orders a user's own runs first in, first out
 */
public record QueuedRun(UUID runId, String owner, Instant queuedAt) {

    /**
     * First in, first out: by {@link #queuedAt()}, then by run id for runs queued at the same
     * instant. Run ids are compared by their canonical text, which orders them as a database
     * orders a UUID column (bytewise, unsigned), unlike {@link UUID#compareTo(UUID)}.
     */
    public static final Comparator<QueuedRun> FIRST_IN_FIRST_OUT =
            Comparator.comparing(QueuedRun::queuedAt).thenComparing(run -> run.runId().toString());

    public QueuedRun {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(queuedAt, "queuedAt");
        if (owner.isBlank()) {
            throw new IllegalArgumentException("owner must not be blank");
        }
    }
}
