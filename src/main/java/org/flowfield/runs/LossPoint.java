package org.flowfield.runs;

/**
 * One point of a run's training-loss curve: the mean loss over the window of steps ending at
 * {@code step}, with the normalizing flow's two parts (NaN for flow matching).
 */
public record LossPoint(long step, int epoch, double loss, double logDet, double logPz, double learningRate,
        double stepsPerSecond) {}
