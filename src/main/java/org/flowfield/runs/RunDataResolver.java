package org.flowfield.runs;

import java.util.UUID;
import org.flowfield.datasets.DataSetNotFoundException;
import org.flowfield.datasets.DrawnDensity;
import org.flowfield.datasets.StandardisedDensity;
import org.flowfield.datasets.UserDataPoints;
import org.flowfield.datasets.UserDataSets;
import org.flowfield.training.DrawnData;
import org.flowfield.training.RunData;
import org.flowfield.training.TrainingConfig;
import org.flowfield.training.TrainingFailedException;
import org.flowfield.training.UploadedData;
import org.springframework.stereotype.Component;

/**
 * The data a run trains and is measured on: the built-in data set its configuration names, or its
 * owner's own data set, read as its owner (docs/data.md, "Your own data").
 */
@Component
class RunDataResolver {

    private final UserDataSets dataSets;

    RunDataResolver(UserDataSets dataSets) {
        this.dataSets = dataSets;
    }

    /**
     * @throws TrainingFailedException when the run's own data set can no longer be read by its owner
     */
    RunData of(UUID ownerId, TrainingConfig config) {
        if (!config.usesUserData()) {
            return RunData.builtIn();
        }
        UserDataPoints data;
        try {
            data = dataSets.pointsFor(ownerId, config.userData().id());
        } catch (DataSetNotFoundException e) {
            throw new TrainingFailedException("the data set this run trains on is no longer there");
        }
        if (data.density().orElse(null) instanceof DrawnDensity drawn) {
            return new DrawnData(drawn::sample, stats -> new StandardisedDensity(drawn, stats));
        }
        return new UploadedData(data.points());
    }
}
