package org.flowfield.runs.live;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers the updates of runs training in this server to the views that watch them. A
 * subscriber that throws is logged and skipped: a broken browser connection never disturbs a
 * training. Subscriptions go through {@link org.flowfield.runs.RunService#watch}, which checks
 * that the viewer may see the run.
 */
@Component
public class RunUpdates {

    private static final Logger log = LoggerFactory.getLogger(RunUpdates.class);

    private final Map<UUID, List<Consumer<RunUpdate>>> watchers = new ConcurrentHashMap<>();

    /** A watcher's registration; closing it stops the updates. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** Registers a watcher of one run; closing the returned handle stops the updates. */
    public Subscription subscribe(UUID runId, Consumer<RunUpdate> watcher) {
        watchers.computeIfAbsent(runId, id -> new CopyOnWriteArrayList<>()).add(watcher);
        return () -> watchers.computeIfPresent(runId, (id, list) -> {
            list.remove(watcher);
            return list.isEmpty() ? null : list;
        });
    }

    public void publish(RunUpdate update) {
        List<Consumer<RunUpdate>> list = watchers.get(update.runId());
        if (list == null) {
            return;
        }
        for (Consumer<RunUpdate> watcher : list) {
            try {
                watcher.accept(update);
            } catch (RuntimeException e) {
                log.warn("a watcher of run {} failed: {}", update.runId(), e.toString());
            }
        }
    }

    /** Number of watchers of a run (for tests and diagnostics). */
    public int watchers(UUID runId) {
        List<Consumer<RunUpdate>> list = watchers.get(runId);
        return list == null ? 0 : list.size();
    }
}
