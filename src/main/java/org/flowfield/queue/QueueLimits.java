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
     * The most runs of one shape trained together as one pack on a CPU core. Runs train in packs
     * (every step advances all of a pack's members); on the 2-core Xeon of the benchmarks the
     * packs' total throughput stopped growing between 16 and 64 members (normalizing flows 3.3
     * times one run's at 16 and 3.6 at 64, flow matching 1.3 and 1.1), so a pack takes 16, and a
     * CPU affords one such pack per core.
     */
    public static final int LARGEST_CPU_PACK = 16;

    /**
     * Concurrent runs on a GPU unless configured otherwise: one step of a pack of a few hundred of
     * these small networks costs about what one run's step costs on a GPU.
     */
    public static final int GPU_SLOTS = 256;

    public QueueLimits {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be at least 1, got " + slots);
        }
        if (maxQueuedPerUser < 1) {
            throw new IllegalArgumentException("maxQueuedPerUser must be at least 1, got " + maxQueuedPerUser);
        }
    }

    /**
     * What the device affords: on a CPU a full pack ({@value #LARGEST_CPU_PACK} runs) per core
     * (so 32 on a 2-core machine), on a GPU {@value #GPU_SLOTS}; each user may have
     * {@value #DEFAULT_MAX_QUEUED_PER_USER} runs waiting.
     *
     * @param gpu whether runs compute on a GPU
     * @param cpuCores the machine's cores, e.g. {@link Runtime#availableProcessors()}
     */
    public static QueueLimits forDevice(boolean gpu, int cpuCores) {
        int slots = gpu ? GPU_SLOTS : Math.max(1, cpuCores) * LARGEST_CPU_PACK;
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
