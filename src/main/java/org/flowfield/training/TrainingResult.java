package org.flowfield.training;

import org.flowfield.data.Standardization;
import org.flowfield.metrics.QualityFigures;

/**
 * What a run ends with.
 *
 * @param outcome finished or cancelled
 * @param config the configuration
 * @param standardization the training set's mean and std
 * @param steps steps done
 * @param trainingSeconds wall time of the training loop (steps, per-epoch validation, snapshots and
 *     checkpoints; not the final figures), over all processes the run ran in
 * @param stepsPerSecond optimizer steps per second of time spent in the steps themselves, in this
 *     process (what the benchmarks measure)
 * @param figures the figures of docs/figures.md (null when cancelled)
 */
public record TrainingResult(
        Outcome outcome,
        TrainingConfig config,
        Standardization standardization,
        long steps,
        double trainingSeconds,
        double stepsPerSecond,
        QualityFigures figures) {

    public enum Outcome {
        FINISHED,
        CANCELLED
    }
}
