package org.flowfield.training;

import org.flowfield.data.Standardization;
import org.flowfield.flows.ModelState;

/**
 * Everything needed to continue a run exactly where it stopped. The random state is the pair
 * (seed, position): every random draw of training is derived from the seed and the epoch or
 * step it belongs to, so the position alone restores it.
 *
 * @param config the run's configuration (holds the seed)
 * @param standardization the training set's mean and std
 * @param nextEpoch the epoch to continue in (0-based)
 * @param nextStepInEpoch the step within that epoch to continue with
 * @param step steps done
 * @param trainingSeconds training wall time spent before this checkpoint
 * @param model weights and optimizer state
 */
public record Checkpoint(
        TrainingConfig config,
        Standardization standardization,
        int nextEpoch,
        int nextStepInEpoch,
        long step,
        double trainingSeconds,
        ModelState model) {}
