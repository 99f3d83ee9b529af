package org.flowfield.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.flowfield.queue.Runs.at;
import static org.flowfield.queue.Runs.owners;
import static org.flowfield.queue.Runs.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FairOrderTest {

    private static final Map<String, Instant> NEVER_STARTED = Map.of();

    @Test
    void aUserWithOneRunIsNotHeldBackByAUserWithTen() {
        List<QueuedRun> queued = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            queued.add(run(i, "alice", i));
        }
        QueuedRun bobs = run(10, "bob", 60);
        queued.add(bobs);

        List<QueuedRun> order = FairOrder.order(queued, NEVER_STARTED);

        assertThat(order.indexOf(bobs)).isEqualTo(1);
        assertThat(FairOrder.nextToStart(queued, NEVER_STARTED, 2, at(61))).contains(bobs);
    }

    @Test
    void aUserWhoNeverStartedGoesBeforeOneWhoHasEvenIfQueuedLater() {
        List<QueuedRun> queued = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            queued.add(run(i, "alice", i));
        }
        QueuedRun bobs = run(10, "bob", 60);
        queued.add(bobs);

        List<QueuedRun> order = FairOrder.order(queued, Map.of("alice", at(-3600)));

        assertThat(order.getFirst()).isEqualTo(bobs);
    }

    @Test
    void threeUsersTakeTurns() {
        List<QueuedRun> queued = new ArrayList<>();
        int n = 0;
        for (String owner : List.of("alice", "bob", "carol")) {
            for (int i = 0; i < 3; i++) {
                queued.add(run(n, owner, n));
                n++;
            }
        }

        assertThat(owners(FairOrder.order(queued, NEVER_STARTED))).containsExactly(
                "alice", "bob", "carol", "alice", "bob", "carol", "alice", "bob", "carol");
    }

    @Test
    void aUsersOwnRunsStartFirstInFirstOut() {
        QueuedRun first = run(7, "alice", 1);
        QueuedRun second = run(3, "alice", 2);
        QueuedRun third = run(5, "alice", 3);
        List<QueuedRun> queued = List.of(third, first, second);

        assertThat(FairOrder.order(queued, NEVER_STARTED)).containsExactly(first, second, third);
    }

    @Test
    void runsQueuedAtTheSameInstantStartInRunIdOrder() {
        QueuedRun low = new QueuedRun(UUID.fromString("00000000-0000-0000-0000-00000000000a"), "alice", at(0));
        // negative as a signed long, so UUID.compareTo would put it first; the database would not
        QueuedRun high = new QueuedRun(UUID.fromString("ffffffff-0000-0000-0000-000000000000"), "alice", at(0));

        assertThat(FairOrder.order(List.of(high, low), NEVER_STARTED)).containsExactly(low, high);
        assertThat(FairOrder.order(List.of(low, high), NEVER_STARTED)).containsExactly(low, high);
    }

    @Test
    void twoFreeSlotsGoToTwoDifferentUsers() {
        List<QueuedRun> queued = List.of(
                run(1, "alice", 1), run(2, "alice", 2), run(3, "alice", 3), run(4, "alice", 4), run(5, "bob", 5));

        List<QueuedRun> started = FairOrder.nextToStart(queued, NEVER_STARTED, 2, at(10));

        assertThat(owners(started)).containsExactly("alice", "bob");
    }

    @Test
    void freeSlotsAreNotWastedWhenOnlyOneUserIsWaiting() {
        List<QueuedRun> queued = List.of(run(1, "alice", 1), run(2, "alice", 2), run(3, "alice", 3));

        assertThat(FairOrder.nextToStart(queued, NEVER_STARTED, 2, at(10))).containsExactly(queued.get(0), queued.get(1));
        assertThat(FairOrder.nextToStart(queued, NEVER_STARTED, 5, at(10))).containsExactlyElementsOf(queued);
        assertThat(FairOrder.nextToStart(queued, NEVER_STARTED, 0, at(10))).isEmpty();
        assertThat(FairOrder.nextToStart(List.of(), NEVER_STARTED, 2, at(10))).isEmpty();
    }

    @Test
    void aUserWhoJustStartedARunGoesAfterUsersWhoHaveWaited() {
        List<QueuedRun> queued = List.of(run(1, "alice", 1), run(2, "bob", 2), run(3, "carol", 3), run(4, "dave", 4));
        Map<String, Instant> lastStartedAt = Map.of("alice", at(50), "bob", at(20), "carol", at(40));

        assertThat(owners(FairOrder.order(queued, lastStartedAt))).containsExactly("dave", "bob", "carol", "alice");
    }

    @Test
    void historyOfUsersWithNothingQueuedIsIgnored() {
        List<QueuedRun> queued = List.of(run(1, "alice", 1));

        assertThat(FairOrder.order(queued, Map.of("zoe", at(0)))).containsExactly(queued.getFirst());
    }

    @Test
    void anOwnerMappedToNullNeverStarted() {
        Map<String, Instant> lastStartedAt = new HashMap<>();
        lastStartedAt.put("alice", null);
        lastStartedAt.put("bob", at(0));
        List<QueuedRun> queued = List.of(run(1, "bob", 1), run(2, "alice", 2));

        assertThat(owners(FairOrder.order(queued, lastStartedAt))).containsExactly("alice", "bob");
    }

    @Test
    void usersWhoNeverStartedAreOrderedByTheirOldestRunThenByName() {
        List<QueuedRun> queued = List.of(
                run(1, "carol", 5), run(2, "bob", 7), run(3, "alice", 7), run(4, "bob", 1));

        // bob's oldest run (1 s) beats carol's (5 s); alice and bob would tie on 7 s but bob's oldest is 1 s
        assertThat(FairOrder.order(queued, NEVER_STARTED)).extracting(r -> r.runId().getLeastSignificantBits())
                .containsExactly(4L, 1L, 3L, 2L);
    }

    @Test
    void equalOldestRunsAndEqualLastStartsAreBrokenByOwnerName() {
        List<QueuedRun> queued = List.of(run(1, "bob", 5), run(2, "alice", 5), run(3, "carol", 5));

        assertThat(owners(FairOrder.order(queued, NEVER_STARTED))).containsExactly("alice", "bob", "carol");
        Map<String, Instant> sameStart = Map.of("alice", at(0), "bob", at(0), "carol", at(0));
        assertThat(owners(FairOrder.order(queued, sameStart))).containsExactly("alice", "bob", "carol");
    }

    @Test
    void equalLastStartsAreBrokenByOldestQueuedRun() {
        List<QueuedRun> queued = List.of(run(1, "alice", 9), run(2, "bob", 3));
        Map<String, Instant> sameStart = Map.of("alice", at(0), "bob", at(0));

        assertThat(owners(FairOrder.order(queued, sameStart))).containsExactly("bob", "alice");
    }

    @Test
    void theOrderDoesNotDependOnTheInputOrder() {
        List<QueuedRun> queued = randomQueue(new Random(7), 40, 5);
        Map<String, Instant> lastStartedAt = Map.of("u1", at(-5), "u3", at(-5));
        List<QueuedRun> expected = FairOrder.order(queued, lastStartedAt);

        Random random = new Random(11);
        for (int i = 0; i < 20; i++) {
            List<QueuedRun> shuffled = new ArrayList<>(queued);
            Collections.shuffle(shuffled, random);
            assertThat(FairOrder.order(shuffled, lastStartedAt)).isEqualTo(expected);
        }
    }

    @Test
    void whileTwoUsersBothHaveRunsWaitingNeitherGetsTwoTurnsAheadOfTheOther() {
        Random random = new Random(3);
        for (int trial = 0; trial < 50; trial++) {
            List<QueuedRun> queued = randomQueue(random, 30, 4);
            List<QueuedRun> order = FairOrder.order(queued, NEVER_STARTED);
            Map<String, Long> total = new HashMap<>();
            queued.forEach(r -> total.merge(r.owner(), 1L, Long::sum));

            Map<String, Long> started = new HashMap<>();
            for (QueuedRun next : order) {
                started.merge(next.owner(), 1L, Long::sum);
                for (String a : total.keySet()) {
                    for (String b : total.keySet()) {
                        long startedA = started.getOrDefault(a, 0L);
                        long startedB = started.getOrDefault(b, 0L);
                        if (startedB < total.get(b)) {
                            assertThat(startedA - startedB).as("%s ahead of %s while %s waits", a, b, b).isLessThanOrEqualTo(1);
                        }
                    }
                }
            }
        }
    }

    @Test
    void pickingSeveralAtOnceMatchesPickingOneAtATime() {
        Random random = new Random(5);
        for (int trial = 0; trial < 30; trial++) {
            List<QueuedRun> queued = randomQueue(random, 25, 4);
            Map<String, Instant> history = new HashMap<>(Map.of("u0", at(-100), "u2", at(-200)));

            List<QueuedRun> atOnce = FairOrder.nextToStart(queued, history, 6, at(1000));

            MutableClock clock = new MutableClock(at(1000));
            List<QueuedRun> waiting = new ArrayList<>(queued);
            Map<String, Instant> lastStartedAt = history;
            List<QueuedRun> oneByOne = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                List<QueuedRun> started = FairOrder.nextToStart(waiting, lastStartedAt, 1, clock.instant());
                oneByOne.addAll(started);
                waiting.removeAll(started);
                lastStartedAt = FairOrder.afterStarting(lastStartedAt, started, clock.instant());
                clock.advance(Duration.ofSeconds(1));
            }

            assertThat(oneByOne).isEqualTo(atOnce);
            assertThat(atOnce).isEqualTo(FairOrder.order(queued, history).subList(0, 6));
        }
    }

    @Test
    void runsStampedAfterNowWaitUntilTheClockReachesThem() {
        QueuedRun early = run(1, "alice", 10);
        QueuedRun late = run(2, "bob", 20);
        List<QueuedRun> queued = List.of(early, late);

        assertThat(FairOrder.nextToStart(queued, NEVER_STARTED, 2, at(15))).containsExactly(early);
        assertThat(FairOrder.nextToStart(queued, NEVER_STARTED, 2, at(20))).containsExactly(early, late);
    }

    @Test
    void afterStartingMovesTheOwnersToNowAndLeavesTheInputAlone() {
        Map<String, Instant> before = Map.of("alice", at(0), "bob", at(1));

        Map<String, Instant> after = FairOrder.afterStarting(before, List.of(run(1, "alice", 5), run(2, "carol", 6)), at(9));

        assertThat(after).containsExactlyInAnyOrderEntriesOf(Map.of("alice", at(9), "bob", at(1), "carol", at(9)));
        assertThat(before).containsEntry("alice", at(0));
    }

    @Test
    void badArgumentsAreRefused() {
        List<QueuedRun> queued = List.of(run(1, "alice", 1));

        assertThatThrownBy(() -> FairOrder.nextToStart(queued, NEVER_STARTED, -1, at(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("freeSlots");
        assertThatThrownBy(() -> FairOrder.nextToStart(queued, NEVER_STARTED, 1, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("now");
        assertThatThrownBy(() -> FairOrder.order(null, NEVER_STARTED)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> FairOrder.order(queued, null)).isInstanceOf(NullPointerException.class);
        List<QueuedRun> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> FairOrder.order(withNull, NEVER_STARTED)).isInstanceOf(NullPointerException.class);
        QueuedRun duplicate = new QueuedRun(queued.getFirst().runId(), "bob", at(2));
        assertThatThrownBy(() -> FairOrder.order(List.of(queued.getFirst(), duplicate), NEVER_STARTED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than once");
    }

    @Test
    void aQueuedRunNeedsAllItsParts() {
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> new QueuedRun(null, "alice", at(0))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new QueuedRun(id, null, at(0))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new QueuedRun(id, "alice", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new QueuedRun(id, " ", at(0))).isInstanceOf(IllegalArgumentException.class);
    }

    /** {@code runs} runs spread over {@code users} users ("u0", "u1", ...), queued at random seconds. */
    static List<QueuedRun> randomQueue(Random random, int runs, int users) {
        List<QueuedRun> queued = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            queued.add(run(i, "u" + random.nextInt(users), random.nextInt(20)));
        }
        return queued;
    }
}
