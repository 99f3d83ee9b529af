package org.flowfield.queue;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The queue limits this server works with now: those of the settings at start, changed by an
 * administrator while it runs. The next queued run and the dispatcher's next pass use a change;
 * nothing already started or queued is undone. A change lives in this server's memory: other
 * servers on the same database keep theirs, and a restart goes back to the settings.
 */
public final class CurrentQueueLimits {

    private final AtomicReference<QueueLimits> limits;

    public CurrentQueueLimits(QueueLimits initial) {
        this.limits = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    public QueueLimits get() {
        return limits.get();
    }

    /** Replaces the limits with {@code change} applied to them (its checks throw before anything changes). */
    public QueueLimits change(UnaryOperator<QueueLimits> change) {
        return limits.updateAndGet(change);
    }
}
