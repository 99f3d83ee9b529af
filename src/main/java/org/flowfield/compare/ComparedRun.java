package org.flowfield.compare;

import java.util.List;
import org.flowfield.data.PointCloud;
import org.flowfield.runs.LossPoint;
import org.flowfield.runs.Run;

/**
 * One run of a comparison and what the page shows of it.
 *
 * @param run the run as {@link org.flowfield.runs.RunService#find} returns it (its name is user text)
 * @param loss its stored training-loss curve ({@link org.flowfield.runs.RunService#history})
 * @param finalEpoch the last stored epoch (0-based), or −1 when none has ended
 * @param finalSamples the sample snapshot of that epoch (standardised, with classes for
 *     class-conditional runs), or null when none
 * @param trainingSeconds the final checkpoint's {@code trainingSeconds}: wall time of the training
 *     loop (steps, per-epoch validation, snapshots and checkpoints, over every process the run ran
 *     in; not the final figures); NaN unless the run has finished
 * @param stepsPerSecond the last stored loss point's {@code stepsPerSecond}: optimizer steps per
 *     second of wall time since the training process (or its last resumption) started, per-epoch
 *     validation included; NaN when no loss is stored
 */
public record ComparedRun(
        Run run, List<LossPoint> loss, int finalEpoch, PointCloud finalSamples, double trainingSeconds, double stepsPerSecond) {

    public ComparedRun {
        loss = List.copyOf(loss);
    }

    /** What the run's training loss measures, in words. */
    public String lossQuantity() {
        return LossQuantity.of(run.config().family()).description();
    }
}
