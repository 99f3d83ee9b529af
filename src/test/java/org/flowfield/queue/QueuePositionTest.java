package org.flowfield.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.flowfield.queue.Runs.at;
import static org.flowfield.queue.Runs.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QueuePositionTest {

    @Test
    void positionsMatchTheFairOrder() {
        List<QueuedRun> queued = FairOrderTest.randomQueue(new Random(1), 30, 4);
        Map<String, Instant> lastStartedAt = Map.of("u1", at(-10), "u2", at(-20));
        List<QueuedRun> order = FairOrder.order(queued, lastStartedAt);

        for (int i = 0; i < order.size(); i++) {
            assertThat(QueuePosition.positionOf(order.get(i).runId(), queued, lastStartedAt)).isEqualTo(i + 1);
        }
        assertThat(QueuePosition.positions(queued, lastStartedAt).keySet())
                .containsExactlyElementsOf(order.stream().map(QueuedRun::runId).toList());
    }

    @Test
    void aLateUsersOnlyRunIsSecondInLineBehindAUserWithMany() {
        List<QueuedRun> queued = List.of(
                run(1, "alice", 1), run(2, "alice", 2), run(3, "alice", 3), run(4, "bob", 10));

        assertThat(QueuePosition.positionOf(new UUID(0, 4), queued, Map.of())).isEqualTo(2);
        assertThat(QueuePosition.positionOf(new UUID(0, 3), queued, Map.of())).isEqualTo(4);
    }

    @Test
    void aRunNotWaitingHasNoPosition() {
        List<QueuedRun> queued = List.of(run(1, "alice", 1));

        assertThatThrownBy(() -> QueuePosition.positionOf(new UUID(0, 99), queued, Map.of()))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> QueuePosition.positionOf(null, queued, Map.of()))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void positionsReadAsOrdinals() {
        assertThat(QueuePosition.inLine(1)).isEqualTo("1st in line");
        assertThat(QueuePosition.inLine(2)).isEqualTo("2nd in line");
        assertThat(QueuePosition.inLine(3)).isEqualTo("3rd in line");
        assertThat(QueuePosition.inLine(4)).isEqualTo("4th in line");
        assertThat(QueuePosition.inLine(11)).isEqualTo("11th in line");
        assertThat(QueuePosition.inLine(12)).isEqualTo("12th in line");
        assertThat(QueuePosition.inLine(13)).isEqualTo("13th in line");
        assertThat(QueuePosition.inLine(21)).isEqualTo("21st in line");
        assertThat(QueuePosition.inLine(112)).isEqualTo("112th in line");
        assertThatThrownBy(() -> QueuePosition.inLine(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
