package org.flowfield.training;

/**
 * The training loss over a window of steps.
 *
 * @param step steps done so far (the window ends here)
 * @param totalSteps steps of the whole run
 * @param epoch the epoch (0-based) the window ends in
 * @param windowSteps number of steps the means are taken over
 * @param loss mean training loss of the window (Eq. 9 or Eq. 16)
 * @param logDet mean log-determinant part (normalizing flows; NaN otherwise)
 * @param logPz mean log p_z part (normalizing flows; NaN otherwise)
 * @param learningRate the rate in use
 * @param stepsPerSecond training speed since the run (or its resumption) started
 */
public record ProgressReport(
        long step,
        long totalSteps,
        int epoch,
        int windowSteps,
        double loss,
        double logDet,
        double logPz,
        double learningRate,
        double stepsPerSecond) {

    /** Estimated seconds until the last step, at the current speed. */
    public double secondsLeft() {
        return stepsPerSecond > 0 ? (totalSteps - step) / stepsPerSecond : Double.NaN;
    }

    public double fractionDone() {
        return (double) step / totalSteps;
    }
}
