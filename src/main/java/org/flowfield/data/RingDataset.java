package org.flowfield.data;

/**
 * A data set (the Olympic rings or another of {@link DataSet}) in the STANDARDISED coordinates a model
 * sees, with the statistics that map it back to original coordinates (docs/data.md, "Standardisation").
 *
 * <p>A training set carries its own sample's statistics; a held-out set (docs/figures.md "Held-out
 * data") carries the TRAINING set's statistics.
 *
 * @param kind            unlabelled or labelled (docs/data.md)
 * @param points          standardised points; labelled exactly when {@code kind} is CONDITIONAL
 * @param standardization the training set's statistics
 * @param dataSet         which built-in data set the points come from; null for a user's own data set
 */
public record RingDataset(DataSetKind kind, PointCloud points, Standardization standardization, DataSet dataSet) {

    /** Number of held-out points, docs/figures.md "Held-out data". */
    public static final int HELD_OUT_SIZE = 10_000;

    public RingDataset {
        if (kind == null || points == null || standardization == null) {
            throw new IllegalArgumentException("kind, points and standardization are required");
        }
        if (points.conditional() != (kind == DataSetKind.CONDITIONAL)) {
            throw new IllegalArgumentException(kind + " data set must " + (points.conditional() ? "not " : "")
                + "carry labels");
        }
    }

    /** Samples an Olympic-rings training set and standardises it with its own statistics (docs/data.md step 2 / 4). */
    public static RingDataset training(DataSetKind kind, int n, long seed) {
        return training(DataSet.RINGS, kind, n, seed);
    }

    /** Samples a training set of a data set and standardises it with its own statistics. */
    public static RingDataset training(DataSet dataSet, DataSetKind kind, int n, long seed) {
        return training(dataSet, kind, n, seed, true);
    }

    /**
     * Samples a training set of a data set, standardised with its own statistics or, when
     * {@code standardize} is false, kept in the data's own coordinates.
     */
    public static RingDataset training(DataSet dataSet, DataSetKind kind, int n, long seed, boolean standardize) {
        PointCloud original = dataSet.sample(kind, n, seed);
        Standardization stats = standardize ? Standardization.of(original.xy()) : Standardization.IDENTITY;
        return new RingDataset(kind, standardised(original, stats), stats, dataSet);
    }

    /**
     * docs/figures.md held-out data: {@code n} fresh points drawn with {@link #heldOutSeed(long)},
     * standardised with the training set's statistics.
     */
    public static RingDataset heldOut(DataSetKind kind, int n, long trainingSeed, Standardization trainingStats) {
        return heldOut(DataSet.RINGS, kind, n, trainingSeed, trainingStats);
    }

    /** Held-out data of any data set, as {@link #heldOut(DataSetKind, int, long, Standardization)}. */
    public static RingDataset heldOut(DataSet dataSet, DataSetKind kind, int n, long trainingSeed,
            Standardization trainingStats) {
        if (trainingStats == null) {
            throw new IllegalArgumentException("held-out data needs the training set's statistics");
        }
        PointCloud original = dataSet.sample(kind, n, heldOutSeed(trainingSeed));
        return new RingDataset(kind, standardised(original, trainingStats), trainingStats, dataSet);
    }

    /** {@link #heldOut(DataSet, DataSetKind, int, long, Standardization)} with {@link #HELD_OUT_SIZE} points. */
    public static RingDataset heldOut(DataSet dataSet, DataSetKind kind, long trainingSeed, Standardization trainingStats) {
        return heldOut(dataSet, kind, HELD_OUT_SIZE, trainingSeed, trainingStats);
    }

    /** {@link #heldOut(DataSetKind, int, long, Standardization)} with {@link #HELD_OUT_SIZE} points. */
    public static RingDataset heldOut(DataSetKind kind, long trainingSeed, Standardization trainingStats) {
        return heldOut(kind, HELD_OUT_SIZE, trainingSeed, trainingStats);
    }

    /**
     * The seed of the held-out set of a run trained with {@code trainingSeed}. It never equals
     * the training seed: the multiplier minus one is even and the increment odd, so
     * {@code s * m + c - s} is always odd, hence never zero.
     */
    public static long heldOutSeed(long trainingSeed) {
        return trainingSeed * 0x9E3779B97F4A7C15L + 0x5DEECE66DL;
    }

    /** Number of points. */
    public int size() {
        return points.size();
    }

    /**
     * A user's own points (dataSet null), standardised with {@code stats}: the training set's own
     * statistics for a training set, the training set's for a held-out set.
     */
    public static RingDataset ofUserPoints(PointCloud original, Standardization stats) {
        return new RingDataset(original.conditional() ? DataSetKind.CONDITIONAL : DataSetKind.UNCONDITIONAL,
                standardised(original, stats), stats, null);
    }

    private static PointCloud standardised(PointCloud original, Standardization stats) {
        return new PointCloud(stats.standardize(original.xy()), original.labels());
    }
}
