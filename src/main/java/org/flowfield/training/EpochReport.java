package org.flowfield.training;

import org.flowfield.flows.StepLoss;

/**
 * The end of an epoch.
 *
 * @param epoch the epoch that ended (0-based)
 * @param step steps done so far
 * @param validation the training objective on the held-out points (with its parts for
 *     normalizing flows)
 * @param samples a snapshot of the model's samples [N × 2], standardised, drawn from the same
 *     seed every epoch so that an animation shows the same points moving
 * @param sampleClasses the class of each sample for conditional models, else null
 */
public record EpochReport(int epoch, long step, StepLoss validation, float[] samples, int[] sampleClasses) {}
