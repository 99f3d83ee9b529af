package org.flowfield.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueueLimitsTest {

    @Test
    void aCpuAffordsAFullPackPerCore() {
        assertThat(QueueLimits.forDevice(false, 2)).isEqualTo(new QueueLimits(2 * QueueLimits.LARGEST_CPU_PACK, 5));
        assertThat(QueueLimits.forDevice(false, 16).slots()).isEqualTo(16 * QueueLimits.LARGEST_CPU_PACK);
        assertThat(QueueLimits.forDevice(false, 1).slots()).isEqualTo(QueueLimits.LARGEST_CPU_PACK);
        assertThat(QueueLimits.forDevice(false, 0).slots()).isEqualTo(QueueLimits.LARGEST_CPU_PACK);
    }

    @Test
    void aGpuSharesItsSlotsRegardlessOfCores() {
        assertThat(QueueLimits.forDevice(true, 2)).isEqualTo(new QueueLimits(QueueLimits.GPU_SLOTS, 5));
        assertThat(QueueLimits.forDevice(true, 64).slots()).isEqualTo(QueueLimits.GPU_SLOTS);
    }

    @Test
    void limitsAreConfigurable() {
        QueueLimits limits = QueueLimits.forDevice(false, 2).withSlots(3).withMaxQueuedPerUser(8);

        assertThat(limits).isEqualTo(new QueueLimits(3, 8));
    }

    @Test
    void freeSlotsAreWhatRunningRunsLeave() {
        QueueLimits limits = new QueueLimits(2, 5);

        assertThat(limits.freeSlots(0)).isEqualTo(2);
        assertThat(limits.freeSlots(1)).isEqualTo(1);
        assertThat(limits.freeSlots(2)).isZero();
        assertThat(limits.freeSlots(3)).isZero();
        assertThatThrownBy(() -> limits.freeSlots(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonsensicalLimitsAreRefused() {
        assertThatThrownBy(() -> new QueueLimits(0, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slots");
        assertThatThrownBy(() -> new QueueLimits(2, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxQueuedPerUser");
        assertThatThrownBy(() -> new QueueLimits(-1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QueueLimits(2, 5).withSlots(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
