package org.flowfield.runs.live;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers the updates of runs to the views that watch them: those published in this server, and,
 * when servers share a PostgreSQL database, those the other servers publish (through a
 * {@link RunUpdateChannel}). A subscriber that throws is logged and skipped: a broken browser
 * connection never disturbs a training. Subscriptions go through
 * {@link org.flowfield.runs.RunService#watch}, which checks that the viewer may see the run.
 */
@Component
public class RunUpdates {

    private static final Logger log = LoggerFactory.getLogger(RunUpdates.class);

    private final Map<UUID, List<Consumer<RunUpdate>>> watchers = new ConcurrentHashMap<>();
    private final Optional<RunUpdateChannel> channel;

    /** @param channel the other servers' updates and the way to them; empty for a server of its own */
    public RunUpdates(Optional<RunUpdateChannel> channel) {
        this.channel = channel;
        channel.ifPresent(open -> open.open(new RunUpdateChannel.Receiver() {
            @Override
            public void received(RunUpdate update) {
                deliver(update);
            }

            @Override
            public void missedSome() {
                for (UUID runId : watchers.keySet()) {
                    deliver(new RunUpdate.StatusChanged(runId));
                    deliver(new RunUpdate.AccessChanged(runId));
                }
            }
        }));
    }

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

    /** Delivers an update to this server's watchers of the run, and sends it to the other servers. */
    public void publish(RunUpdate update) {
        deliver(update);
        channel.ifPresent(others -> others.send(update));
    }

    /** Number of watchers of a run (for tests and diagnostics). */
    public int watchers(UUID runId) {
        List<Consumer<RunUpdate>> list = watchers.get(runId);
        return list == null ? 0 : list.size();
    }

    private void deliver(RunUpdate update) {
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
}
