package org.flowfield.runs;

import java.nio.file.Path;
import java.util.UUID;
import org.flowfield.runs.live.RunUpdate;
import org.flowfield.runs.live.RunUpdates;
import org.flowfield.training.Cancellation;
import org.flowfield.training.EpochReport;
import org.flowfield.training.ProgressReport;
import org.flowfield.training.TrainingListener;
import org.flowfield.training.TrainingStart;
import org.flowfield.training.export.BatchLossFile;
import org.flowfield.training.export.SampleSnapshot;

/**
 * Stores what a training run reports: the loss series, each epoch's validation loss and sample
 * snapshot; and turns its owner's cancel request (a flag in the database, so that it works from
 * any server) into a cancellation between two steps.
 */
class RunRecorder implements TrainingListener {

    private final UUID runId;
    private final RunRepository runs;
    private final RunFiles files;
    private final Cancellation cancellation;
    private final RunUpdates updates;

    RunRecorder(UUID runId, RunRepository runs, RunFiles files, Cancellation cancellation, RunUpdates updates) {
        this.runId = runId;
        this.runs = runs;
        this.files = files;
        this.cancellation = cancellation;
        this.updates = updates;
    }

    /** A run starting or resuming at step k keeps the batch losses of steps 1..k only. */
    @Override
    public void onStart(TrainingStart start) {
        BatchLossFile.truncate(files.batchLosses(runId), start.firstStep());
    }

    @Override
    public void onBatchLosses(long firstStep, float[] losses) {
        BatchLossFile.append(files.batchLosses(runId), losses);
    }

    @Override
    public void onProgress(ProgressReport report) {
        runs.recordProgress(runId, report);
        updates.publish(new RunUpdate.Progress(runId, report));
        if (runs.cancelRequested(runId)) {
            cancellation.request();
        }
    }

    @Override
    public void onEpoch(EpochReport report) {
        Path snapshot = files.snapshot(runId, report.epoch());
        SampleSnapshot.write(snapshot, report.samples(), report.sampleClasses());
        runs.recordEpoch(runId, report, snapshot.getFileName().toString());
        updates.publish(new RunUpdate.Epoch(runId, report));
    }
}
