package org.flowfield.runs;

/**
 * The end of one stored epoch: the validation loss with the normalizing flow's two parts (NaN
 * for flow matching). Its sample snapshot is read through {@link RunService#snapshot}.
 */
public record EpochRecord(int epoch, long step, double validationLoss, double validationLogDet, double validationLogPz) {}
