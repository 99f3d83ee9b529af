package org.flowfield.runs;

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
import org.flowfield.training.TrainingListener;
import org.flowfield.training.Trainer;
import org.flowfield.training.TrainingFailedException;
import org.flowfield.training.TrainingResult;
import org.jobrunr.jobs.annotations.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Trains one started run; the job engine calls it on one of its workers. It continues from the
 * run's checkpoint when there is one (after a restart, or a retry), after forgetting whatever was
 * recorded past that checkpoint, so every epoch is stored exactly once.
 */
@Component
public class TrainingJob {

    private static final Logger log = LoggerFactory.getLogger(TrainingJob.class);

    private final RunRepository runs;
    private final RunFiles files;
    private final ActiveTrainings active;
    private final Clock clock;
    private final RunUpdates updates;
    private final int checkpointEverySteps;

    TrainingJob(RunRepository runs, RunFiles files, ActiveTrainings active, Clock clock, RunUpdates updates,
            @Value("${flowfield.runs.checkpoint-every-steps}") int checkpointEverySteps) {
        this.runs = runs;
        this.files = files;
        this.active = active;
        this.clock = clock;
        this.updates = updates;
        this.checkpointEverySteps = checkpointEverySteps;
    }

    /** Thrown when the server stops mid-run, so that the job engine runs the job again later. */
    public static class StoppedForShutdown extends RuntimeException {
        StoppedForShutdown(UUID runId) {
            super("run " + runId + " stopped at a checkpoint because the server is stopping; it continues after the restart");
        }
    }

    @Job(name = "Train run %0", retries = 10)
    public void train(UUID runId) {
        Run run = runs.findById(runId).orElse(null);
        if (run == null || run.status() != RunStatus.RUNNING) {
            return;
        }
        TorchRuntime runtime = TorchRuntime.get();
        runtime.useIntraOpThreads(1);
        runs.recordDevice(runId, runtime.deviceName());
        updates.publish(new RunUpdate.StatusChanged(runId));
        Cancellation stop = new Cancellation();
        active.begin(runId, stop);
        try {
            TrainingResult result = runTrainer(run, stop);
            if (result.outcome() == TrainingResult.Outcome.FINISHED) {
                runs.finish(runId, result, clock.instant());
            } else if (active.stopping() && !runs.cancelRequested(runId)) {
                throw new StoppedForShutdown(runId);
            } else {
                runs.end(runId, RunStatus.CANCELLED, null, clock.instant());
            }
        } catch (TrainingFailedException e) {
            runs.end(runId, RunStatus.FAILED, e.getMessage(), clock.instant());
        } catch (StoppedForShutdown e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("run {} failed", runId, e);
            runs.end(runId, RunStatus.FAILED, "internal error: " + e.getMessage(), clock.instant());
        } finally {
            active.end(runId);
            updates.publish(new RunUpdate.StatusChanged(runId));
        }
    }

    private TrainingResult runTrainer(Run run, Cancellation stop) {
        UUID runId = run.id();
        TrainingListener recorder = new RunRecorder(runId, runs, files, stop, updates);
        Trainer trainer = new Trainer(recorder, stop, new CheckpointPolicy(files.checkpoint(runId), checkpointEverySteps), 1);
        if (Files.exists(files.checkpoint(runId))) {
            Checkpoint checkpoint = CheckpointFile.read(files.checkpoint(runId));
            runs.forgetAfter(runId, checkpoint.step(), checkpoint.nextEpoch());
            return trainer.resume(checkpoint);
        }
        runs.forgetAfter(runId, 0, 0);
        return trainer.train(run.config());
    }
}
