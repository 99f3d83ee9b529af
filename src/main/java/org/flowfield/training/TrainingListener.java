package org.flowfield.training;

import java.nio.file.Path;

/**
 * Observes a training run. The loop calls these on its own thread, between steps; persisting,
 * streaming and printing are listeners, never edits of the loop. An exception thrown here fails
 * the run.
 */
public interface TrainingListener {

    /** Once, before the first step (also when resuming). */
    default void onStart(TrainingStart start) {}

    /**
     * The loss of every batch, in order, without gaps: the steps since the last call, delivered
     * before each progress report and before each checkpoint (so a checkpoint at step k follows
     * the losses of steps 1..k).
     *
     * @param firstStep the step (1-based) of {@code losses[0]}
     */
    default void onBatchLosses(long firstStep, float[] losses) {}

    /** Every {@code reportEvery} steps, with the mean loss of the steps since the last report. */
    default void onProgress(ProgressReport report) {}

    /** After every epoch, with the validation loss and a sample snapshot. */
    default void onEpoch(EpochReport report) {}

    /** After a checkpoint has been written and moved into place. */
    default void onCheckpoint(Path checkpoint, long step) {}

    /** Once, when the run finished and its figures are computed. */
    default void onFinished(TrainingResult result) {}

    TrainingListener NONE = new TrainingListener() {};

    /** Calls each listener in order. */
    static TrainingListener all(TrainingListener... listeners) {
        return new TrainingListener() {
            @Override
            public void onStart(TrainingStart start) {
                for (TrainingListener l : listeners) l.onStart(start);
            }

            @Override
            public void onBatchLosses(long firstStep, float[] losses) {
                for (TrainingListener l : listeners) l.onBatchLosses(firstStep, losses);
            }

            @Override
            public void onProgress(ProgressReport report) {
                for (TrainingListener l : listeners) l.onProgress(report);
            }

            @Override
            public void onEpoch(EpochReport report) {
                for (TrainingListener l : listeners) l.onEpoch(report);
            }

            @Override
            public void onCheckpoint(Path checkpoint, long step) {
                for (TrainingListener l : listeners) l.onCheckpoint(checkpoint, step);
            }

            @Override
            public void onFinished(TrainingResult result) {
                for (TrainingListener l : listeners) l.onFinished(result);
            }
        };
    }
}
