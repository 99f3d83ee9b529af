package org.flowfield.runs;

import java.nio.file.Path;
import org.flowfield.runs.live.RunUpdate;
import org.flowfield.runs.live.RunUpdates;
import org.flowfield.training.Cancellation;
import org.flowfield.training.EpochReport;
import org.flowfield.training.PackTrainer;
import org.flowfield.training.ProgressReport;
import org.flowfield.training.TrainingListener;
import org.flowfield.training.TrainingStart;
import org.flowfield.training.export.BatchLossFile;
import org.flowfield.training.export.SampleSnapshot;

/**
 * Stores what a training run reports: the loss series, each epoch's validation loss and sample
 * snapshot; and turns its owner's cancel request (a flag in the database, so that it works from
 * any server) into a cancellation between two steps.
 *
 * <p>Every write goes through the trainer's {@link HeldRun}, and before each batch of losses
 * (that is, before every progress report and every checkpoint) the recorder checks that the run
 * is still this trainer's; when it is not, {@link HeldRun.LostException} stops the training
 * before it writes a file. An epoch's snapshot and row are stored before the trainer writes the
 * checkpoint that follows the epoch, so a crash between them makes the run redo the epoch
 * instead of leaving a gap.
 */
class RunRecorder implements TrainingListener, PackTrainer.Membership {

    private final HeldRun run;
    private final RunFiles files;
    private final Cancellation cancellation;
    private final RunUpdates updates;

    RunRecorder(HeldRun run, RunFiles files, Cancellation cancellation, RunUpdates updates) {
        this.run = run;
        this.files = files;
        this.cancellation = cancellation;
        this.updates = updates;
    }

    /** A run starting or resuming at step k keeps the batch losses of steps 1..k only. */
    @Override
    public void onStart(TrainingStart start) {
        BatchLossFile.truncate(files.batchLosses(run.runId()), start.firstStep());
    }

    @Override
    public void onBatchLosses(long firstStep, float[] losses) {
        if (run.cancelRequested()) {
            cancellation.request();
        }
        BatchLossFile.append(files.batchLosses(run.runId()), losses);
    }

    @Override
    public void onProgress(ProgressReport report) {
        run.recordProgress(report);
        updates.publish(new RunUpdate.Progress(run.runId(), report));
    }

    @Override
    public void packChanged(java.util.UUID packId, int members) {
        run.recordPack(packId, members);
        updates.publish(new RunUpdate.StatusChanged(run.runId()));
    }

    @Override
    public void onEpoch(EpochReport report) {
        Path snapshot = files.snapshot(run.runId(), report.epoch());
        SampleSnapshot.write(snapshot, report.samples(), report.sampleClasses());
        run.recordEpoch(report, snapshot.getFileName().toString());
        updates.publish(new RunUpdate.Epoch(run.runId(), report));
    }
}
