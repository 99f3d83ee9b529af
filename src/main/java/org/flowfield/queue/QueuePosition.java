package org.flowfield.queue;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.UUID;

/** Where waiting runs stand in the {@link FairOrder}, for showing "3rd in line". */
public final class QueuePosition {

    private QueuePosition() {
    }

    /**
     * A run's place in the fair order, counting from 1 for the run that starts when the next slot
     * frees.
     *
     * @throws NoSuchElementException when the run is not among {@code queued} (e.g. it started)
     */
    public static int positionOf(UUID runId, List<QueuedRun> queued, Map<String, Instant> lastStartedAt) {
        Objects.requireNonNull(runId, "runId");
        Integer position = positions(queued, lastStartedAt).get(runId);
        if (position == null) {
            throw new NoSuchElementException("run " + runId + " is not waiting in the queue");
        }
        return position;
    }

    /**
     * Every waiting run's place (from 1), in start order: one computation for a whole queue
     * listing rather than one per run.
     */
    public static Map<UUID, Integer> positions(List<QueuedRun> queued, Map<String, Instant> lastStartedAt) {
        List<QueuedRun> order = FairOrder.order(queued, lastStartedAt);
        Map<UUID, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            positions.put(order.get(i).runId(), i + 1);
        }
        return Collections.unmodifiableMap(positions);
    }

    /** A position in words: 1 is "1st in line", 2 "2nd in line", 11 "11th in line", 23 "23rd in line". */
    public static String inLine(int position) {
        if (position < 1) {
            throw new IllegalArgumentException("position must be at least 1, got " + position);
        }
        return position + ordinalSuffix(position) + " in line";
    }

    private static String ordinalSuffix(int n) {
        if (n % 100 >= 11 && n % 100 <= 13) {
            return "th";
        }
        return switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
