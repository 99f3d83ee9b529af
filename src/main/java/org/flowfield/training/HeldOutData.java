package org.flowfield.training;

import org.flowfield.data.RingDataset;
import org.flowfield.data.Standardization;

/** docs/figures.md "Held-out data": the points a run's figures are measured on. */
public final class HeldOutData {

    private HeldOutData() {}

    /** The held-out set of a run on a built-in data set, standardised with its training set's statistics. */
    public static RingDataset of(TrainingConfig config, Standardization trainingStatistics) {
        return RunData.builtIn().heldOut(config, trainingStatistics);
    }
}
