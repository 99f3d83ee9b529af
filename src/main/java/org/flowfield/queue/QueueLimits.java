package org.flowfield.queue;

/**
 * How much the shared server runs at once, and how much each user may wait for.
 *
 * @param slots training runs that run concurrently on the one device, at least 1
 * @param maxQueuedPerUser runs one user may have waiting in the queue at once (runs that already
 *     started do not count), at least 1
 */
public record QueueLimits(int slots, int maxQueuedPerUser) {

    /** Runs one user may have waiting unless configured otherwise. */
    public static final int DEFAULT_MAX_QUEUED_PER_USER = 5;

    /**
     * Concurrent runs on a GPU unless configured otherwise. The models are small (two-dimensional
     * point clouds, small networks), so a single run leaves most of a GPU idle between its short
     * kernels; several runs interleave on it almost for free, which serves a class better than
     * running strictly one at a time. Four keeps each run's own speed close to running alone and
     * its memory far below any GPU's. A different number can be configured with
     * {@link #withSlots(int)}.
     */
    public static final int GPU_SLOTS = 4;

    /**
     * PyTorch intra-op threads each run gets on a CPU: one per run measured fastest on small CPU
     * machines, so a CPU affords one concurrent run per core.
     */
    public static final int INTRA_OP_THREADS_PER_RUN = 1;

    public QueueLimits {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be at least 1, got " + slots);
        }
        if (maxQueuedPerUser < 1) {
            throw new IllegalArgumentException("maxQueuedPerUser must be at least 1, got " + maxQueuedPerUser);
        }
    }

    /**
     * What the device affords: on a CPU one run per core at {@value #INTRA_OP_THREADS_PER_RUN}
     * intra-op thread each (so 2 on a 2-core machine, and never fewer than 1), on a GPU
     * {@value #GPU_SLOTS}; each user may have {@value #DEFAULT_MAX_QUEUED_PER_USER} runs waiting.
     *
     * @param gpu whether runs compute on a GPU
     * @param cpuCores the machine's cores, e.g. {@link Runtime#availableProcessors()}
     */
    public static QueueLimits forDevice(boolean gpu, int cpuCores) {
        int slots = gpu ? GPU_SLOTS : Math.max(1, cpuCores / INTRA_OP_THREADS_PER_RUN);
        return new QueueLimits(slots, DEFAULT_MAX_QUEUED_PER_USER);
    }

    /** The same limits with a different number of concurrent runs. */
    public QueueLimits withSlots(int newSlots) {
        return new QueueLimits(newSlots, maxQueuedPerUser);
    }

    /** The same limits with a different number of runs each user may have waiting. */
    public QueueLimits withMaxQueuedPerUser(int newMaxQueuedPerUser) {
        return new QueueLimits(slots, newMaxQueuedPerUser);
    }

    /**
     * Slots free while {@code running} runs are running; never negative, so lowering the number of
     * slots below what is already running simply starts nothing until enough finished.
     */
    public int freeSlots(int running) {
        if (running < 0) {
            throw new IllegalArgumentException("running must not be negative, got " + running);
        }
        return Math.max(0, slots - running);
    }
}
