package org.flowfield.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.UUID;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.runs.live.RunUpdate;
import org.flowfield.runs.live.RunUpdates;
import org.flowfield.training.Cancellation;
import org.flowfield.training.Checkpoint;
import org.flowfield.training.CheckpointFile;
import org.flowfield.training.CheckpointPolicy;
import org.flowfield.training.DurableFile;
import org.flowfield.flows.FlowModel;
import org.flowfield.training.ModelFactory;
import org.flowfield.training.RunData;
import org.flowfield.training.RunLoop;
import org.flowfield.training.TrainingFailedException;
import org.flowfield.training.TrainingResult;
import org.jobrunr.jobs.annotations.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Trains one started run as the job assigned to it; the job engine calls it on one of its
 * workers, which waits while the run trains in a pack of this server's device (see
 * {@link DevicePacks}) and then computes its figures. It continues from the run's checkpoint when
 * there is one, after forgetting whatever was recorded past that checkpoint, so every epoch is
 * stored exactly once.
 *
 * <p>The job engine never retries it: a crash is not the run's failure, and the
 * {@link RunReconciler} gives an interrupted run a new job, at once and as often as needed. A
 * job whose run has been assigned another job (or ended) does nothing.
 */
@Component
public class TrainingJob {

    private static final Logger log = LoggerFactory.getLogger(TrainingJob.class);

    private final RunRepository runs;
    private final RunFiles files;
    private final ActiveTrainings active;
    private final Clock clock;
    private final RunUpdates updates;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final DevicePacks packs;
    private final RunDataResolver data;
    private final int checkpointEverySteps;

    TrainingJob(RunRepository runs, RunFiles files, ActiveTrainings active, Clock clock, RunUpdates updates, JdbcClient jdbc,
            TransactionTemplate transaction, DevicePacks packs, RunDataResolver data,
            @Value("${flowfield.runs.checkpoint-every-steps}") int checkpointEverySteps) {
        this.data = data;
        this.packs = packs;
        this.runs = runs;
        this.files = files;
        this.active = active;
        this.clock = clock;
        this.updates = updates;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.checkpointEverySteps = checkpointEverySteps;
    }

    @Job(name = "Train run %0", retries = 0)
    public void train(UUID runId, UUID jobId) {
        HeldRun held = new HeldRun(runId, jobId, jdbc, transaction);
        if (active.stopping()) {
            held.handBack();
            return;
        }
        TorchRuntime runtime = TorchRuntime.get();
        runtime.useIntraOpThreads(1);
        if (!held.claim(runtime.deviceName())) {
            return;
        }
        Run run = runs.findById(runId).orElseThrow();
        deleteTemporaryFiles(runId);
        updates.publish(new RunUpdate.StatusChanged(runId));
        Cancellation stop = new Cancellation();
        ActiveTrainings.Active entry = active.begin(held, stop);
        try {
            settle(entry, held, runTrainer(run, held, stop));
        } catch (HeldRun.LostException e) {
            log.info("{}; this trainer stops", e.getMessage());
        } catch (TrainingFailedException e) {
            if (entry.settle() && held.end(RunStatus.FAILED, e.getMessage(), clock.instant())) {
                log.info("run {} failed: {}", runId, e.getMessage());
            }
        } catch (RuntimeException e) {
            log.error("run {} failed", runId, e);
            if (entry.settle()) {
                held.end(RunStatus.FAILED, "internal error: " + e.getMessage(), clock.instant());
            }
        } finally {
            active.end(entry);
            updates.publish(new RunUpdate.StatusChanged(runId));
        }
    }

    private void settle(ActiveTrainings.Active entry, HeldRun held, TrainingResult result) {
        if (!entry.settle()) {
            return;
        }
        if (result.outcome() == TrainingResult.Outcome.FINISHED) {
            if (held.finish(result, clock.instant())) {
                log.info("run {} finished after {} steps: held-out NLL {}, in-ring fraction {}, sliced W2 {}", held.runId(),
                        result.steps(), result.figures().heldOutNll(), result.figures().inRingFraction(),
                        result.figures().slicedW2());
            }
        } else if (active.stopping() && !held.cancelRequested()) {
            held.handBack();
        } else {
            held.end(RunStatus.CANCELLED, null, clock.instant());
        }
    }

    /** Trains the run in a pack of this server's device, from its checkpoint when it has one. */
    private TrainingResult runTrainer(Run run, HeldRun held, Cancellation stop) {
        UUID runId = run.id();
        RunRecorder recorder = new RunRecorder(held, files, stop, updates);
        CheckpointPolicy checkpoints = new CheckpointPolicy(files.checkpoint(runId), checkpointEverySteps);
        RunData source = data.of(run.ownerId(), run.config());
        if (Files.exists(files.checkpoint(runId))) {
            Checkpoint checkpoint = CheckpointFile.read(files.checkpoint(runId));
            held.forgetAfter(checkpoint.step(), checkpoint.nextEpoch());
            log.info("run {} resumes from its checkpoint at step {} as job {}", runId, checkpoint.step(), held.jobId());
            RunLoop loop = RunLoop.resumed(checkpoint, source, recorder, stop, checkpoints);
            try (FlowModel model = ModelFactory.restore(checkpoint)) {
                return packs.train(loop, model, recorder);
            }
        }
        held.forgetAfter(0, 0);
        log.info("run {} starts as job {}", runId, held.jobId());
        RunLoop loop = RunLoop.fresh(run.config(), source, recorder, stop, checkpoints);
        try (FlowModel model = ModelFactory.create(run.config())) {
            return packs.train(loop, model, recorder);
        }
    }

    /** What a killed trainer of this run left half-written; no other trainer writes here now. */
    private void deleteTemporaryFiles(UUID runId) {
        try {
            int deleted = DurableFile.deleteTemporaryFiles(files.directory(runId));
            if (deleted > 0) {
                log.info("run {}: removed {} temporary file(s) left by an interrupted trainer", runId, deleted);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
