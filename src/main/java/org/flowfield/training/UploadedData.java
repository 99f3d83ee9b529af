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
 * (at least one) into the held-out share and keeps the rest for training. The training set is the
 * run's number of points drawn from the rest with replacement, again from the run's seed, so that
 * the points setting means what it means for every other data set; the held-out set is drawn from
 * the held-out share likewise, with the held-out seed. A class-conditional run keeps
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
        int held = heldOutCount(points.size());
        PointCloud sample = resample(config, held, points.size(), config.points(), Seeds.derive(config.seed(), Seeds.RESAMPLE, 0));
        return RingDataset.ofUserPoints(sample, config.standardize() ? Standardization.of(sample.xy()) : Standardization.IDENTITY);
    }

    /**
     * The held-out share drawn with replacement to {@link RingDataset#HELD_OUT_SIZE} points, as many
     * as the model's samples that the distances set beside them; none of them is a training point.
     */
    @Override
    public RingDataset heldOut(TrainingConfig config, Standardization trainingStatistics) {
        PointCloud sample = resample(config, 0, heldOutCount(points.size()), RingDataset.HELD_OUT_SIZE,
                RingDataset.heldOutSeed(config.seed()));
        return RingDataset.ofUserPoints(sample, trainingStatistics);
    }

    /** {@code count} points drawn with replacement from positions [from, to) of the run's shuffled order. */
    private PointCloud resample(TrainingConfig config, int from, int to, int count, long seed) {
        int[] order = RunLoop.shuffle(points.size(), Seeds.derive(config.seed(), Seeds.SPLIT, 0));
        SplittableRandom random = new SplittableRandom(seed);
        int[] chosen = new int[count];
        for (int i = 0; i < count; i++) {
            chosen[i] = order[from + random.nextInt(to - from)];
        }
        return pick(chosen, config);
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
