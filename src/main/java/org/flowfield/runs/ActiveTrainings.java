package org.flowfield.runs;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flowfield.training.Cancellation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The runs training in this server. When the application stops, each is asked to stop between
 * two steps and save a checkpoint, and the shutdown waits for that (bounded) instead of letting
 * the job engine interrupt threads that may be writing to the database.
 */
@Component
class ActiveTrainings {

    private static final Logger log = LoggerFactory.getLogger(ActiveTrainings.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private record Active(Cancellation stop, CountDownLatch done) {}

    private final Map<UUID, Active> active = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    /** Registers a training whose token is requested when the server stops. */
    void begin(UUID runId, Cancellation stop) {
        Active entry = new Active(stop, new CountDownLatch(1));
        active.put(runId, entry);
        if (stopping) {
            stop.request();
        }
    }

    void end(UUID runId) {
        Active entry = active.remove(runId);
        if (entry != null) {
            entry.done().countDown();
        }
    }

    boolean stopping() {
        return stopping;
    }

    @EventListener(ContextClosedEvent.class)
    void stopAll() {
        stopping = true;
        active.values().forEach(entry -> entry.stop().request());
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        for (Map.Entry<UUID, Active> entry : active.entrySet()) {
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !entry.getValue().done().await(left, TimeUnit.NANOSECONDS)) {
                    log.warn("run {} did not reach a checkpoint before shutdown", entry.getKey());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
