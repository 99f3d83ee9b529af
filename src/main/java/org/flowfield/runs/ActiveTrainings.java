package org.flowfield.runs;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flowfield.training.Cancellation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The runs training in this server. When the application stops, each is asked to stop between
 * two steps, save a checkpoint and hand its run back; a run that has not done so within
 * {@link #STOP_WAIT} (it is computing its held-out figures, say) is handed back by the stop
 * itself, and its trainer's later writes are ignored. Either way the run waits for a server to
 * resume it, without a retry or a back-off, and the stop takes at most {@link #STOP_WAIT}.
 */
@Component
class ActiveTrainings {

    private static final Logger log = LoggerFactory.getLogger(ActiveTrainings.class);

    /** The longest a graceful stop waits for trainers to reach a checkpoint. */
    static final Duration STOP_WAIT = Duration.ofSeconds(5);

    /** A training in this server: whoever settles it first (its trainer or the stop) writes its outcome. */
    static final class Active {
        private final HeldRun run;
        private final Cancellation stop;
        private final CountDownLatch done = new CountDownLatch(1);
        private final AtomicBoolean settled = new AtomicBoolean();

        private Active(HeldRun run, Cancellation stop) {
            this.run = run;
            this.stop = stop;
        }

        /** True exactly once: the caller may write the run's outcome. */
        boolean settle() {
            return settled.compareAndSet(false, true);
        }
    }

    private final Map<UUID, Active> active = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    /** Registers a training whose token is requested when the server stops. */
    Active begin(HeldRun run, Cancellation stop) {
        Active entry = new Active(run, stop);
        active.put(run.runId(), entry);
        if (stopping) {
            stop.request();
        }
        return entry;
    }

    void end(Active entry) {
        active.remove(entry.run.runId(), entry);
        entry.done.countDown();
    }

    boolean stopping() {
        return stopping;
    }

    @EventListener(ContextClosedEvent.class)
    void stopAll() {
        stopping = true;
        active.values().forEach(entry -> entry.stop.request());
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        for (Active entry : active.values()) {
            try {
                long left = deadline - System.nanoTime();
                if (left > 0 && entry.done.await(left, TimeUnit.NANOSECONDS)) {
                    continue;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (entry.settle() && entry.run.handBack()) {
                log.info("run {} handed back during its stop; it resumes from its last checkpoint", entry.run.runId());
            }
        }
    }
}
