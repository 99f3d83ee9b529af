package org.flowfield.queue;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;

/**
 * The order in which queued runs start: round robin by user, first in, first out within a user.
 *
 * <p>Users take turns. Among the users who have runs waiting, the one who started a run least
 * recently goes next; a user who never started a run counts as least recent of all. Ties (equal
 * last starts, or both never started) go to the user whose oldest waiting run was queued first,
 * then to the owner name that sorts first, so the order is the same every time. A user's own runs
 * start in {@link QueuedRun#FIRST_IN_FIRST_OUT} order.
 *
 * <p>Each pick counts as a start: once a user's run is placed, that user goes to the back, behind
 * everyone who has not had a turn yet. So the order is exactly the sequence of runs that would
 * start if slots freed one at a time, and picking several runs for several free slots at once is
 * just as fair as picking them one by one. A user with ten waiting runs therefore never holds back
 * a user with one, whose run is at most one turn per other user away.
 *
 * <p>Everything is computed from data a database holds: the waiting runs, and per user the
 * instant their latest run started (e.g. {@code max(started_at)} grouped by owner). Nothing here
 * reads a clock or keeps state.
 */
public final class FairOrder {

    private FairOrder() {
    }

    /**
     * All queued runs, in the order they would start.
     *
     * @param queued the waiting runs, in any order; run ids must be distinct
     * @param lastStartedAt per owner, when their latest run started; an owner who is absent (or
     *     mapped to {@code null}) never started a run. Owners with nothing queued are ignored.
     */
    public static List<QueuedRun> order(List<QueuedRun> queued, Map<String, Instant> lastStartedAt) {
        return pick(queued, lastStartedAt, Integer.MAX_VALUE);
    }

    /**
     * The runs to start now, one per free slot as far as runs are waiting, in the order to start
     * them: the first {@code freeSlots} runs of {@link #order} among the runs queued at or before
     * {@code now}. A run stamped later than {@code now} (a clock running ahead elsewhere) waits
     * until this clock reaches it.
     *
     * @param queued the waiting runs, in any order; run ids must be distinct
     * @param lastStartedAt per owner, when their latest run started (see {@link #order})
     * @param freeSlots how many runs may start now, not negative
     * @param now the current instant, from the scheduler's clock
     */
    public static List<QueuedRun> nextToStart(
            List<QueuedRun> queued, Map<String, Instant> lastStartedAt, int freeSlots, Instant now) {
        Objects.requireNonNull(now, "now");
        if (freeSlots < 0) {
            throw new IllegalArgumentException("freeSlots must not be negative, got " + freeSlots);
        }
        requireValid(queued);
        List<QueuedRun> due = queued.stream().filter(run -> !run.queuedAt().isAfter(now)).toList();
        return pick(due, lastStartedAt, freeSlots);
    }

    /**
     * The last starts after {@code started} started at {@code now}: a copy of
     * {@code lastStartedAt} with each of their owners moved to {@code now}. What the database
     * records when it marks the runs started; the next call to {@link #nextToStart} sees them as
     * the most recent.
     */
    public static Map<String, Instant> afterStarting(
            Map<String, Instant> lastStartedAt, Collection<QueuedRun> started, Instant now) {
        Objects.requireNonNull(lastStartedAt, "lastStartedAt");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(now, "now");
        Map<String, Instant> updated = new LinkedHashMap<>(lastStartedAt);
        for (QueuedRun run : started) {
            updated.put(Objects.requireNonNull(run, "started run").owner(), now);
        }
        return updated;
    }

    private static List<QueuedRun> pick(List<QueuedRun> queued, Map<String, Instant> lastStartedAt, int count) {
        requireValid(queued);
        Objects.requireNonNull(lastStartedAt, "lastStartedAt");

        List<QueuedRun> fifo = new ArrayList<>(queued);
        fifo.sort(QueuedRun.FIRST_IN_FIRST_OUT);
        Map<String, ArrayDeque<QueuedRun>> byOwner = new HashMap<>();
        for (QueuedRun run : fifo) {
            byOwner.computeIfAbsent(run.owner(), owner -> new ArrayDeque<>()).add(run);
        }

        PriorityQueue<Turn> turns = new PriorityQueue<>();
        byOwner.forEach((owner, runs) -> turns.add(Turn.initial(owner, lastStartedAt.get(owner), runs)));

        List<QueuedRun> picked = new ArrayList<>(Math.min(count, fifo.size()));
        long picks = 0;
        while (picked.size() < count && !turns.isEmpty()) {
            Turn turn = turns.poll();
            picked.add(turn.runs.poll());
            if (!turn.runs.isEmpty()) {
                turns.add(Turn.afterPick(turn, picks++));
            }
        }
        return List.copyOf(picked);
    }

    private static void requireValid(List<QueuedRun> queued) {
        Objects.requireNonNull(queued, "queued");
        Set<UUID> seen = new HashSet<>();
        for (QueuedRun run : queued) {
            Objects.requireNonNull(run, "queued run");
            if (!seen.add(run.runId())) {
                throw new IllegalArgumentException("run " + run.runId() + " is queued more than once");
            }
        }
    }

    /** How recently a user had a turn: never, at a recorded instant, or at a pick made here. */
    private enum Recency {
        NEVER, STARTED, PICKED
    }

    /**
     * A user's place in the rotation. The head of {@code runs} only changes while the turn is out
     * of the priority queue, so its ordering is stable while queued.
     */
    private record Turn(String owner, Recency recency, Instant lastStartedAt, long pick, ArrayDeque<QueuedRun> runs)
            implements Comparable<Turn> {

        static Turn initial(String owner, Instant lastStartedAt, ArrayDeque<QueuedRun> runs) {
            return lastStartedAt == null
                    ? new Turn(owner, Recency.NEVER, null, 0, runs)
                    : new Turn(owner, Recency.STARTED, lastStartedAt, 0, runs);
        }

        /** Picks made here come after every recorded start, in the order they were made. */
        static Turn afterPick(Turn turn, long pick) {
            return new Turn(turn.owner, Recency.PICKED, null, pick, turn.runs);
        }

        @Override
        public int compareTo(Turn other) {
            int byRecency = recency.compareTo(other.recency);
            if (byRecency != 0) {
                return byRecency;
            }
            if (recency == Recency.STARTED) {
                int byStart = lastStartedAt.compareTo(other.lastStartedAt);
                if (byStart != 0) {
                    return byStart;
                }
            } else if (recency == Recency.PICKED) {
                return Long.compare(pick, other.pick);
            }
            int byOldestRun = runs.peek().queuedAt().compareTo(other.runs.peek().queuedAt());
            return byOldestRun != 0 ? byOldestRun : owner.compareTo(other.owner);
        }
    }
}
