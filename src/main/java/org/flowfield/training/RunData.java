package org.flowfield.training;

import java.util.Optional;
import org.flowfield.data.RingDataset;
import org.flowfield.data.Standardization;
import org.flowfield.metrics.DataDensity;

/**
 * Where a run's points come from (docs/data.md): its training set, its held-out set and, when
 * known, the exact density its figures are set against. A built-in data set is drawn from the
 * configuration alone ({@link #builtIn()}); a user's own data set is resolved by whoever starts the
 * run ({@link DrawnData}, {@link UploadedData}), since the training core does not read stored data.
 */
public interface RunData {

    /** The training set, standardised with its own statistics; the same for the same configuration. */
    RingDataset training(TrainingConfig config);

    /** The held-out set (docs/figures.md), standardised with the training set's statistics. */
    RingDataset heldOut(TrainingConfig config, Standardization trainingStatistics);

    /** The data's exact density in the model's coordinates, when known; the truth figures need it. */
    Optional<DataDensity> truth(TrainingConfig config, Standardization trainingStatistics);

    /**
     * The built-in data set a configuration names.
     *
     * @throws IllegalStateException from its methods, for a configuration that learns a user's data set
     */
    static RunData builtIn() {
        return BuiltInData.INSTANCE;
    }
}
