package org.flowfield.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.flowfield.queue.Runs.T0;
import static org.flowfield.queue.Runs.owners;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The policy driven the way the scheduler will drive it: state kept outside, time moved by hand. */
class QueuePolicyTest {

    private final MutableClock clock = new MutableClock(T0);
    private final QueuePolicy policy = new QueuePolicy(new QueueLimits(2, QueueLimits.DEFAULT_MAX_QUEUED_PER_USER), clock);

    private final List<QueuedRun> queued = new ArrayList<>();
    private final List<QueuedRun> running = new ArrayList<>();
    private final List<QueuedRun> startOrder = new ArrayList<>();
    private Map<String, Instant> lastStartedAt = new HashMap<>();
    private int nextId;

    @Test
    void aUserQueueingLateStartsAtTheNextFreeSlotNotAfterAllOfAnothersRuns() {
        for (int i = 0; i < 5; i++) {
            queue("alice");
            clock.advance(Duration.ofSeconds(1));
        }
        schedule();
        assertThat(owners(running)).containsExactly("alice", "alice");

        clock.advance(Duration.ofMinutes(1));
        queue("bob");
        schedule();
        assertThat(owners(running)).as("no free slot yet").containsExactly("alice", "alice");

        clock.advance(Duration.ofMinutes(1));
        finish(running.getFirst());
        schedule();

        assertThat(owners(startOrder)).containsExactly("alice", "alice", "bob");
    }

    @Test
    void usersAlternateAsSlotsFreeOneByOne() {
        for (int i = 0; i < 3; i++) {
            queue("alice");
            queue("bob");
            queue("carol");
            clock.advance(Duration.ofSeconds(1));
        }
        schedule();
        while (!running.isEmpty()) {
            clock.advance(Duration.ofMinutes(5));
            finish(running.getFirst());
            schedule();
        }

        assertThat(owners(startOrder)).containsExactly(
                "alice", "bob", "carol", "alice", "bob", "carol", "alice", "bob", "carol");
        assertThat(queued).isEmpty();
    }

    @Test
    void queueingIsRefusedAtTheLimitAndAllowedAgainOnceARunStarts() {
        for (int i = 0; i < 5; i++) {
            queue("alice");
        }
        assertThatThrownBy(() -> queue("alice"))
                .isInstanceOf(QueueFullException.class)
                .hasMessageContaining("the limit is 5");

        schedule();
        queue("alice");

        assertThat(queued).hasSize(4);
    }

    @Test
    void nothingStartsWhileAllSlotsAreTaken() {
        QueuePolicy single = new QueuePolicy(new QueueLimits(1, 5), clock);
        List<QueuedRun> waiting = List.of(new QueuedRun(UUID.randomUUID(), "alice", T0));

        assertThat(single.nextToStart(waiting, Map.of(), 1)).isEmpty();
        assertThat(single.nextToStart(waiting, Map.of(), 0)).containsExactlyElementsOf(waiting);
        assertThatThrownBy(() -> single.nextToStart(waiting, Map.of(), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theClockIsInjected() {
        assertThat(policy.now()).isEqualTo(T0);
        clock.advance(Duration.ofHours(1));
        assertThat(policy.now()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThatThrownBy(() -> new QueuePolicy(new QueueLimits(1, 1), null)).isInstanceOf(NullPointerException.class);
    }

    private void queue(String owner) {
        long waiting = queued.stream().filter(run -> run.owner().equals(owner)).count();
        policy.requireRoom(owner, waiting);
        queued.add(new QueuedRun(new UUID(0, nextId++), owner, policy.now()));
    }

    private void schedule() {
        List<QueuedRun> started = policy.nextToStart(queued, lastStartedAt, running.size());
        lastStartedAt = FairOrder.afterStarting(lastStartedAt, started, policy.now());
        queued.removeAll(started);
        running.addAll(started);
        startOrder.addAll(started);
    }

    private void finish(QueuedRun run) {
        running.remove(run);
    }
}
