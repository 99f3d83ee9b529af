package org.flowfield.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The queue's rules in one place, with the clock injected: who may queue another run, and which
 * waiting runs start when slots are free. Holds no queue state; callers pass in what the database
 * holds and record what this decides.
 */
public final class QueuePolicy {

    private final QueueLimits limits;
    private final QueueAdmission admission;
    private final Clock clock;

    public QueuePolicy(QueueLimits limits, Clock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.admission = new QueueAdmission(limits);
    }

    public QueueLimits limits() {
        return limits;
    }

    /** The current instant by the injected clock: what to stamp a newly queued or started run with. */
    public Instant now() {
        return clock.instant();
    }

    /** See {@link QueueAdmission#requireRoom(String, long)}. */
    public void requireRoom(String owner, long queuedByOwner) {
        admission.requireRoom(owner, queuedByOwner);
    }

    /**
     * The runs to start now while {@code running} runs are running: as many as there are free
     * slots, in fair order (see {@link FairOrder#nextToStart}).
     */
    public List<QueuedRun> nextToStart(List<QueuedRun> queued, Map<String, Instant> lastStartedAt, int running) {
        return FairOrder.nextToStart(queued, lastStartedAt, limits.freeSlots(running), clock.instant());
    }
}
