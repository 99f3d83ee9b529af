package org.flowfield.runs;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flowfield.queue.QueuePosition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The whole server's runs, whoever owns them: the waiting runs in the order they will start, the
 * training runs, and cancelling any of them. For the administration only; nothing here checks who
 * asks: the administration's service does before it calls.
 */
@Service
public class ServerQueue {

    private final RunRepository runs;
    private final RunService service;

    ServerQueue(RunRepository runs, RunService service) {
        this.runs = runs;
        this.service = service;
    }

    /** Every waiting run, in the order they will start (the first starts when the next slot frees). */
    @Transactional(readOnly = true)
    public List<Run> waiting() {
        return QueuePosition.positions(runs.queued(), runs.lastStartedByOwner()).keySet().stream()
                .flatMap(id -> runs.findById(id).stream())
                .toList();
    }

    /** Every started run (training, or waiting to resume), in the order they started. */
    @Transactional(readOnly = true)
    public List<Run> started() {
        return runs.started().stream()
                .flatMap(started -> runs.findById(started.id()).stream())
                .sorted(java.util.Comparator.comparing(Run::startedAt))
                .toList();
    }

    /**
     * Cancels a waiting or started run as its owner's cancel would (a training run stops between
     * two steps); an ended run stays as it is. Empty when no such run exists.
     */
    @Transactional
    public Optional<Run> cancel(UUID runId) {
        Optional<Run> run = runs.findById(runId);
        run.ifPresent(service::stop);
        return run.flatMap(found -> runs.findById(runId));
    }

    /** Cancels every waiting and started run of an account; returns how many it cancelled. */
    @Transactional
    public int cancelAllOf(UUID ownerId) {
        List<Run> active = runs.listOwned(ownerId).stream().filter(run -> !run.status().terminal()).toList();
        active.forEach(service::stop);
        return active.size();
    }
}
