package org.flowfield.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class QueueAdmissionTest {

    private final QueueAdmission admission = new QueueAdmission(new QueueLimits(2, 5));

    @Test
    void aUserMayQueueUpToExactlyTheLimit() {
        for (long queued = 0; queued < 5; queued++) {
            long alreadyQueued = queued;
            assertThatCode(() -> admission.requireRoom("alice", alreadyQueued)).doesNotThrowAnyException();
            assertThat(admission.hasRoom(alreadyQueued)).isTrue();
        }
        assertThat(admission.hasRoom(5)).isFalse();
    }

    @Test
    void oneMoreThanTheLimitIsRefusedWithAClearMessage() {
        QueueFullException refused = catchThrowableOfType(QueueFullException.class, () -> admission.requireRoom("alice", 5));

        assertThat(refused).hasMessage(
                "You already have 5 runs waiting in the queue (the limit is 5). Wait for one to start or cancel one.");
        assertThat(refused.limit()).isEqualTo(5);
        assertThat(refused.queued()).isEqualTo(5);
        assertThat(refused.owner()).isEqualTo("alice");
        assertThat(refused).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aUserAboveALoweredLimitIsStillRefused() {
        assertThatThrownBy(() -> admission.requireRoom("alice", 7))
                .isInstanceOf(QueueFullException.class)
                .hasMessageStartingWith("You already have 7 runs waiting in the queue (the limit is 5).");
    }

    @Test
    void aLimitOfOneReadsInTheSingular() {
        QueueAdmission single = new QueueAdmission(new QueueLimits(1, 1));

        assertThatCode(() -> single.requireRoom("bob", 0)).doesNotThrowAnyException();
        assertThatThrownBy(() -> single.requireRoom("bob", 1)).hasMessage(
                "You already have 1 run waiting in the queue (the limit is 1). Wait for one to start or cancel one.");
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> admission.requireRoom("alice", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> admission.requireRoom(null, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new QueueAdmission(null)).isInstanceOf(NullPointerException.class);
    }
}
