package org.flowfield.runs.ui;

import java.util.List;
import org.flowfield.data.PointCloud;
import org.flowfield.runs.EpochRecord;
import org.flowfield.runs.LossPoint;
import org.flowfield.runs.Run;

/**
 * What the run page shows at one moment: the run, its loss curve so far, its finished epochs
 * and the newest sample snapshot (null before the first epoch ends).
 *
 * @param stepsPerSecond the newest training speed, NaN when unknown
 * @param samplesEpoch the epoch the snapshot belongs to (0-based), -1 without one
 */
record RunFrame(Run run, List<LossPoint> loss, List<EpochRecord> epochs, PointCloud samples, int samplesEpoch,
        long stepsDone, double stepsPerSecond) {

    double fractionDone() {
        return run.totalSteps() == 0 ? 0 : Math.min(1, (double) stepsDone / run.totalSteps());
    }

    /** Seconds until the last step at the newest speed, NaN when unknown. */
    double secondsLeft() {
        return stepsPerSecond > 0 ? (run.totalSteps() - stepsDone) / stepsPerSecond : Double.NaN;
    }
}
