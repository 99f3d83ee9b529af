package org.flowfield.training;

import java.util.Optional;
import java.util.SplittableRandom;
import org.flowfield.data.PointCloud;
import org.flowfield.data.RingDataset;
import org.flowfield.data.Standardization;
import org.flowfield.metrics.DataDensity;

/**
 * An uploaded data set (docs/data.md, "Your own data"): a fixed sample with no known density, so a
 * run splits it. A shuffle seeded by the run's seed puts {@value #HELD_OUT_PERCENT}% of the points
 * (at least one) into the held-out set and keeps the rest for training; the training set is then the
 * run's number of points drawn from the rest with replacement, again from the run's seed, so that
 * the points setting means what it means for every other data set. A class-conditional run keeps
 * each point's class; any other drops them. No figure against the truth is reported.
 */
public final class UploadedData implements RunData {

    /** The share of the uploaded points held out, in percent. */
    public static final int HELD_OUT_PERCENT = 20;

    private final PointCloud points;

    /** @param points the upload's points in its own coordinates, labelled when it has classes */
    public UploadedData(PointCloud points) {
        if (points.size() < 2) {
            throw new IllegalArgumentException("an uploaded data set needs at least two points to be split, got " + points.size());
        }
        this.points = points;
    }

    /** How many of {@code n} uploaded points are held out. */
    public static int heldOutCount(int n) {
        return Math.max(1, n * HELD_OUT_PERCENT / 100);
    }

    @Override
    public RingDataset training(TrainingConfig config) {
        int[] order = RunLoop.shuffle(points.size(), Seeds.derive(config.seed(), Seeds.SPLIT, 0));
        int held = heldOutCount(points.size());
        int rest = points.size() - held;
        SplittableRandom random = new SplittableRandom(Seeds.derive(config.seed(), Seeds.RESAMPLE, 0));
        int[] chosen = new int[config.points()];
        for (int i = 0; i < chosen.length; i++) {
            chosen[i] = order[held + random.nextInt(rest)];
        }
        PointCloud sample = pick(chosen, config);
        return RingDataset.ofUserPoints(sample, Standardization.of(sample.xy()));
    }

    @Override
    public RingDataset heldOut(TrainingConfig config, Standardization trainingStatistics) {
        int[] order = RunLoop.shuffle(points.size(), Seeds.derive(config.seed(), Seeds.SPLIT, 0));
        return RingDataset.ofUserPoints(pick(java.util.Arrays.copyOf(order, heldOutCount(points.size())), config), trainingStatistics);
    }

    @Override
    public Optional<DataDensity> truth(TrainingConfig config, Standardization trainingStatistics) {
        return Optional.empty();
    }

    private PointCloud pick(int[] indices, TrainingConfig config) {
        float[] xy = new float[2 * indices.length];
        boolean labelled = config.family().conditional() && points.conditional();
        int[] labels = labelled ? new int[indices.length] : null;
        for (int i = 0; i < indices.length; i++) {
            xy[2 * i] = points.x(indices[i]);
            xy[2 * i + 1] = points.y(indices[i]);
            if (labelled) {
                labels[i] = points.label(indices[i]);
            }
        }
        return new PointCloud(xy, labels);
    }
}
