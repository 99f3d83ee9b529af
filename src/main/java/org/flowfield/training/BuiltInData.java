package org.flowfield.training;

import java.util.Optional;
import org.flowfield.data.RingDataset;
import org.flowfield.data.Standardization;
import org.flowfield.metrics.DataDensity;

/** A built-in data set ({@link org.flowfield.data.DataSet}), drawn from the run's seed. */
final class BuiltInData implements RunData {

    static final BuiltInData INSTANCE = new BuiltInData();

    private BuiltInData() {}

    @Override
    public RingDataset training(TrainingConfig config) {
        requireBuiltIn(config);
        return RingDataset.training(config.dataSet(), config.family().dataSet(), config.points(), config.seed(), config.standardize());
    }

    @Override
    public RingDataset heldOut(TrainingConfig config, Standardization trainingStatistics) {
        requireBuiltIn(config);
        return RingDataset.heldOut(config.dataSet(), config.family().dataSet(), config.seed(), trainingStatistics);
    }

    @Override
    public Optional<DataDensity> truth(TrainingConfig config, Standardization standardization) {
        requireBuiltIn(config);
        if (config.family().conditional()) {
            return config.dataSet().classDensity(standardization).map(DataDensity::perClass);
        }
        return config.dataSet().density(standardization).map(DataDensity::of);
    }

    private static void requireBuiltIn(TrainingConfig config) {
        if (config.usesUserData()) {
            throw new IllegalStateException("a run on a user's data set needs that data set's points, resolved by whoever starts it");
        }
    }
}
