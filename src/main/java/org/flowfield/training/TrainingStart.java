package org.flowfield.training;

import org.flowfield.data.Standardization;

/**
 * @param config the run's configuration
 * @param standardization the training set's mean and std (docs/data.md), kept with the run
 * @param trainingPoints size of the generated training set
 * @param totalSteps optimizer steps of the whole run
 * @param firstStep the step the run starts at (greater than 0 when resumed)
 * @param device where the run computes, e.g. "CPU" or "GPU 0"
 */
public record TrainingStart(
        TrainingConfig config, Standardization standardization, int trainingPoints, long totalSteps, long firstStep, String device) {}
