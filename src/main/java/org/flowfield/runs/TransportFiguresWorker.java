package org.flowfield.runs;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flowfield.engine.BackgroundPriority;
import org.flowfield.flows.FlowModel;
import org.flowfield.metrics.QualityEvaluator;
import org.flowfield.metrics.TransportFigures;
import org.flowfield.metrics.TruthFigures;
import org.flowfield.training.Checkpoint;
import org.flowfield.training.CheckpointFile;
import org.flowfield.training.ModelFactory;
import org.flowfield.training.RunData;
import org.flowfield.training.TrainingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Computes the exact transport figures of finished runs (docs/figures.md: exact W2, normalized
 * path energy) on a thread of its own, away from every request and from the training workers: they
 * take seconds of CPU each, so a run is reported finished with its other figures first and these
 * follow. They wait while this server's device trains: at a deadline they would take a third of
 * the device's time from the runs still training, so they are computed once the queue has drained.
 * Runs that finished before these figures existed get them too, and with them the figures against
 * the data's density (entropy, share outside the support) where they lack them and it is known. A
 * server claims a run before computing, so two servers do not compute the same one; a claim older
 * than {@link #CLAIM_EXPIRES} (its server died) is taken over.
 */
@Component
class TransportFiguresWorker {

    private static final Logger log = LoggerFactory.getLogger(TransportFiguresWorker.class);

    /** How long a claim holds: far longer than the figures take (under a minute each). */
    static final Duration CLAIM_EXPIRES = Duration.ofMinutes(30);

    private final RunRepository runs;
    private final RunFiles files;
    private final Clock clock;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> Thread.ofPlatform()
            .name("transport-figures").daemon(true).unstarted(() -> {
                BackgroundPriority.lowerCurrentThread();
                task.run();
            }));
    private final AtomicBoolean busy = new AtomicBoolean();
    private final RunDataResolver data;
    private final DevicePacks device;

    TransportFiguresWorker(RunRepository runs, RunFiles files, Clock clock, RunDataResolver data, DevicePacks device) {
        this.data = data;
        this.device = device;
        this.runs = runs;
        this.files = files;
        this.clock = clock;
    }

    /** Starts working through the waiting runs on the worker's thread, unless it is at it already. */
    @Scheduled(initialDelayString = "${flowfield.figures.transport-interval-ms}",
            fixedDelayString = "${flowfield.figures.transport-interval-ms}")
    void sweep() {
        if (busy.compareAndSet(false, true)) {
            thread.execute(() -> {
                try {
                    while (!device.busy() && computeNext()) {
                        // until no finished run waits, or a run trains again
                    }
                } finally {
                    busy.set(false);
                }
            });
        }
    }

    /**
     * Claims one finished run that waits for its transport figures and stores them (NaN when its
     * model cannot be read, so that it is not tried again).
     *
     * @return false when no run waits
     */
    boolean computeNext() {
        Instant now = clock.instant();
        Optional<UUID> claimed = runs.claimTransportFigures(now, now.minus(CLAIM_EXPIRES));
        if (claimed.isEmpty()) {
            return false;
        }
        UUID runId = claimed.get();
        try {
            Checkpoint checkpoint = CheckpointFile.read(files.checkpoint(runId));
            TransportFigures figures;
            try (FlowModel model = ModelFactory.restore(checkpoint)) {
                TrainingConfig config = checkpoint.config();
                Run run = runs.findById(runId).orElseThrow();
                RunData runData = data.of(run.ownerId(), config);
                float[] samples = QualityEvaluator.figureSamples(model, config.classes());
                figures = QualityEvaluator.transport(model, samples, runData.heldOut(config, checkpoint.standardization()), config.classes());
                if (run.figures() != null && run.figures().dataEntropy() == null) {
                    runData.truth(config, checkpoint.standardization()).ifPresent(density -> {
                        TruthFigures truth = QualityEvaluator.truth(samples, config.family(), config.classes(), density);
                        runs.completeTruthFigures(runId, truth.dataEntropy(), truth.outsideSupportFraction());
                    });
                }
            }
            runs.storeTransportFigures(runId, figures.exactW2(), figures.normalizedPathEnergy());
            log.info("run {}: exact W2 {}, normalized path energy {}", runId, figures.exactW2(), figures.normalizedPathEnergy());
        } catch (RuntimeException e) {
            log.warn("run {}: the exact transport figures could not be computed", runId, e);
            runs.storeTransportFigures(runId, Double.NaN, null);
        }
        return true;
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
