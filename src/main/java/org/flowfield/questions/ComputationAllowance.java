package org.flowfield.questions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** When each person started their heavy computations within the window, to hold them to {@link QuestionLimits}. */
final class ComputationAllowance {

    private final QuestionLimits limits;
    private final Clock clock;
    private final Map<UUID, ArrayDeque<Instant>> started = new HashMap<>();

    ComputationAllowance(QuestionLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Counts a new computation for the person.
     *
     * @throws QuestionLimitException when they have started the most allowed within the window
     */
    synchronized void charge(UUID person) {
        Instant now = clock.instant();
        Duration window = limits.window();
        int allowed = limits.computationsPerPerson();
        Instant since = now.minus(window);
        started.values().forEach(times -> {
            while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
                times.pollFirst();
            }
        });
        started.values().removeIf(ArrayDeque::isEmpty);
        ArrayDeque<Instant> theirs = started.computeIfAbsent(person, p -> new ArrayDeque<>());
        if (theirs.size() >= allowed) {
            Instant oldestCounted = theirs.stream().skip(theirs.size() - allowed).findFirst().orElseThrow();
            throw new QuestionLimitException(allowed, window, Duration.between(now, oldestCounted.plus(window)));
        }
        theirs.addLast(now);
    }
}
