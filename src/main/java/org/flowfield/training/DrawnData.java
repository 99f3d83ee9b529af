package org.flowfield.training;

import java.util.Optional;
import java.util.function.Function;
import org.flowfield.data.KnownDensity;
import org.flowfield.data.PointCloud;
import org.flowfield.data.RingDataset;
import org.flowfield.data.Standardization;
import org.flowfield.metrics.DataDensity;

/**
 * A drawn data set (docs/data.md, "Your own data"): a uniform density under the strokes, sampled
 * afresh for every run like a built-in set: the training set is the run's number of points drawn
 * with the run's seed, the held-out set {@link RingDataset#HELD_OUT_SIZE} points drawn with the
 * held-out seed, and the exact density gives the truth figures.
 */
public final class DrawnData implements RunData {

    /** Points uniform on the drawing, in its own coordinates; the same seed gives the same points. */
    @FunctionalInterface
    public interface Sampler {
        float[] sample(int count, long seed);
    }

    private final Sampler sampler;
    private final Function<Standardization, KnownDensity> density;

    /**
     * @param sampler draws points under the strokes
     * @param density the drawing's density in the standardised coordinates of given statistics
     */
    public DrawnData(Sampler sampler, Function<Standardization, KnownDensity> density) {
        this.sampler = sampler;
        this.density = density;
    }

    @Override
    public RingDataset training(TrainingConfig config) {
        PointCloud points = PointCloud.unlabelled(sampler.sample(config.points(), config.seed()));
        return RingDataset.ofUserPoints(points, config.standardize() ? Standardization.of(points.xy()) : Standardization.IDENTITY);
    }

    @Override
    public RingDataset heldOut(TrainingConfig config, Standardization trainingStatistics) {
        float[] xy = sampler.sample(RingDataset.HELD_OUT_SIZE, RingDataset.heldOutSeed(config.seed()));
        return RingDataset.ofUserPoints(PointCloud.unlabelled(xy), trainingStatistics);
    }

    @Override
    public Optional<DataDensity> truth(TrainingConfig config, Standardization trainingStatistics) {
        return Optional.of(DataDensity.of(density.apply(trainingStatistics)));
    }
}
