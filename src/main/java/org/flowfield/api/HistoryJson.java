package org.flowfield.api;

import java.util.List;
import org.flowfield.runs.EpochRecord;
import org.flowfield.runs.LossPoint;
import org.flowfield.runs.RunHistory;

/**
 * A run's recorded training: its loss curve and its finished epochs. The normalizing flow's two
 * parts of the loss (log-det and log p_z) are null for flow matching, as is any value that is not
 * a finite number.
 */
record HistoryJson(String status, long stepsDone, long totalSteps, List<Loss> loss, List<Epoch> epochs) {

    /** The mean training loss over the steps ending at {@code step}. */
    record Loss(long step, int epoch, Double loss, Double logDet, Double logPz, Double learningRate, Double stepsPerSecond) {}

    /** The end of an epoch: its validation loss on the held-out points. */
    record Epoch(int epoch, long step, Double validationLoss, Double validationLogDet, Double validationLogPz) {}

    static HistoryJson of(RunHistory history) {
        return new HistoryJson(RunJson.of(history.run()).status(), history.run().stepsDone(), history.run().totalSteps(),
                history.loss().stream().map(HistoryJson::loss).toList(), history.epochs().stream().map(HistoryJson::epoch).toList());
    }

    private static Loss loss(LossPoint point) {
        return new Loss(point.step(), point.epoch(), finite(point.loss()), finite(point.logDet()), finite(point.logPz()),
                finite(point.learningRate()), finite(point.stepsPerSecond()));
    }

    private static Epoch epoch(EpochRecord epoch) {
        return new Epoch(epoch.epoch(), epoch.step(), finite(epoch.validationLoss()), finite(epoch.validationLogDet()),
                finite(epoch.validationLogPz()));
    }

    /** JSON has no NaN or infinity. */
    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
