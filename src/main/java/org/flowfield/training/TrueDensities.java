package org.flowfield.training;

import java.util.Optional;
import org.flowfield.data.Standardization;
import org.flowfield.metrics.DataDensity;

/**
 * Where a run's figures find the exact density of its data (docs/figures.md, "Figures against the
 * truth"): in the standardised coordinates of the run's training statistics, per class for a
 * class-conditional model.
 */
public final class TrueDensities {

    private TrueDensities() {}

    /**
     * The density of the run's data set, when the data set defines one exactly; empty otherwise,
     * and the figures that need it are then not reported.
     */
    public static Optional<DataDensity> of(TrainingConfig config, Standardization standardization) {
        return RunData.builtIn().truth(config, standardization);
    }
}
