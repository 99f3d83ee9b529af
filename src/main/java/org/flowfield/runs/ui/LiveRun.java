package org.flowfield.runs.ui;

import java.util.ArrayList;
import java.util.List;
import org.flowfield.data.PointCloud;
import org.flowfield.runs.EpochRecord;
import org.flowfield.runs.LossPoint;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunHistory;
import org.flowfield.runs.live.RunUpdate;
import org.flowfield.training.EpochReport;
import org.flowfield.training.ProgressReport;

/**
 * The run page's picture of a run, kept up to date from the stored history and the live updates
 * that follow it. Updates already in the history (a watcher subscribes before the history is read,
 * so the two may overlap) are ignored, so every step and epoch appears once.
 */
final class LiveRun {

    private Run run;
    private final List<LossPoint> loss;
    private final List<EpochRecord> epochs;
    private PointCloud samples;
    private int samplesEpoch;
    private long stepsDone;
    private double stepsPerSecond = Double.NaN;

    LiveRun(RunHistory history, PointCloud lastSnapshot) {
        this.run = history.run();
        this.loss = new ArrayList<>(history.loss());
        this.epochs = new ArrayList<>(history.epochs());
        this.samples = lastSnapshot;
        this.samplesEpoch = epochs.isEmpty() || lastSnapshot == null ? -1 : epochs.getLast().epoch();
        this.stepsDone = run.stepsDone();
        if (!loss.isEmpty()) {
            stepsPerSecond = loss.getLast().stepsPerSecond();
        }
    }

    /** Takes in a progress or epoch update; returns whether it was new. */
    synchronized boolean apply(RunUpdate update) {
        return switch (update) {
            case RunUpdate.Progress progress -> applyProgress(progress.report());
            case RunUpdate.Epoch epoch -> applyEpoch(epoch.report());
            case RunUpdate.StatusChanged ignored -> false;
            case RunUpdate.AccessChanged ignored -> false;
            case RunUpdate.AccessLost ignored -> false;
        };
    }

    /**
     * Takes in the stored run after a status change. A run resumed from its checkpoint has
     * forgotten what it recorded after it, so the stored series replace the live ones.
     */
    synchronized void refresh(RunHistory stored) {
        this.run = stored.run();
        long storedStep = Math.max(stored.run().stepsDone(), stored.loss().isEmpty() ? 0 : stored.loss().getLast().step());
        if (storedStep < stepsDone) {
            loss.clear();
            loss.addAll(stored.loss());
            epochs.clear();
            epochs.addAll(stored.epochs());
            if (epochs.isEmpty() || epochs.getLast().epoch() < samplesEpoch) {
                samples = null;
                samplesEpoch = -1;
            }
            stepsDone = storedStep;
        }
    }

    synchronized RunFrame frame() {
        return new RunFrame(run, List.copyOf(loss), List.copyOf(epochs), samples, samplesEpoch, stepsDone, stepsPerSecond);
    }

    private boolean applyProgress(ProgressReport report) {
        if (!loss.isEmpty() && report.step() <= loss.getLast().step()) {
            return false;
        }
        loss.add(new LossPoint(report.step(), report.epoch(), report.loss(), report.logDet(), report.logPz(),
                report.learningRate(), report.stepsPerSecond()));
        stepsDone = Math.max(stepsDone, report.step());
        stepsPerSecond = report.stepsPerSecond();
        return true;
    }

    private boolean applyEpoch(EpochReport report) {
        if (!epochs.isEmpty() && report.epoch() <= epochs.getLast().epoch()) {
            return false;
        }
        epochs.add(new EpochRecord(report.epoch(), report.step(), report.validation().loss(),
                report.validation().logDet(), report.validation().logPz()));
        samples = new PointCloud(report.samples(), report.sampleClasses());
        samplesEpoch = report.epoch();
        stepsDone = Math.max(stepsDone, report.step());
        return true;
    }
}
