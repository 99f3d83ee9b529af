package org.flowfield.admin;

import org.flowfield.queue.CurrentQueueLimits;
import org.flowfield.queue.QueueLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The queue's limits, adjustable by administrators (see {@link CurrentQueueLimits} for when a change applies). */
@Configuration(proxyBeanMethods = false)
class QueueLimitAdjustments {

    /**
     * Most training runs at once an administrator may set: four times a GPU's default
     * ({@link QueueLimits#GPU_SLOTS}); each also needs a job-engine worker
     * ({@code jobrunr.background-job-server.worker-count}) to train.
     */
    static final int MAX_SLOTS = 4 * QueueLimits.GPU_SLOTS;

    /** Most waiting runs per user an administrator may set: a whole seed sweep of a class exercise. */
    static final int MAX_QUEUED_PER_USER = 100;

    @Bean
    AdjustableLimit queueSlots(CurrentQueueLimits limits) {
        return new QueueLimit("flowfield.queue.slots", "Training runs at once (all users)", MAX_SLOTS) {
            @Override
            public long get() {
                return limits.get().slots();
            }

            @Override
            public void set(long value) {
                limits.change(now -> now.withSlots(Math.toIntExact(value)));
            }
        };
    }

    @Bean
    AdjustableLimit queuedPerUser(CurrentQueueLimits limits) {
        return new QueueLimit("flowfield.queue.max-queued-per-user", "Waiting runs per user", MAX_QUEUED_PER_USER) {
            @Override
            public long get() {
                return limits.get().maxQueuedPerUser();
            }

            @Override
            public void set(long value) {
                limits.change(now -> now.withMaxQueuedPerUser(Math.toIntExact(value)));
            }
        };
    }

    /** A queue limit: at least 1 (as {@link QueueLimits} requires), at most its own bound. */
    private abstract static class QueueLimit implements AdjustableLimit {

        private final String name;
        private final String label;
        private final long max;

        QueueLimit(String name, String label, long max) {
            this.name = name;
            this.label = label;
            this.max = max;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public long min() {
            return 1;
        }

        @Override
        public long max() {
            return max;
        }
    }
}
