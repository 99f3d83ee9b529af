package org.flowfield.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * docs/figures.md "sliced Wasserstein-2 distance": project two equally sized 2-D point sets on many
 * directions, sort each projection, and take the square root of the mean, over all directions
 * and ranks, of the squared difference of the sorted projections.
 *
 * <p>Point sets are interleaved {@code [x0, y0, x1, y1, ...]}, length 2n. Accumulation is in
 * double. A set holding NaN or infinite coordinates gives a NaN or infinite distance.
 */
public final class SlicedWasserstein {

    /** Number of directions of the reported figure. */
    public static final int DIRECTIONS = 256;

    /** Seed of the directions of the reported figure, fixed so that runs can be compared. */
    public static final long DIRECTION_SEED = 0x5EED_F10F_1E1DL;

    private SlicedWasserstein() {
    }

    /** The reported figure: {@link #DIRECTIONS} directions drawn from {@link #DIRECTION_SEED}. */
    public static double distance(float[] a, float[] b) {
        return distance(a, b, DIRECTIONS, DIRECTION_SEED);
    }

    /** The distance over {@code directions} angles drawn by {@link #directions(int, long)}. */
    public static double distance(float[] a, float[] b, int directions, long seed) {
        return distance(a, b, directions(directions, seed));
    }

    /**
     * The distance over the given directions.
     *
     * @param a      first set, interleaved, length 2n, n &gt; 0
     * @param b      second set, interleaved, same length as {@code a}
     * @param angles direction angles in radians, at least one
     */
    public static double distance(float[] a, float[] b, double[] angles) {
        requirePoints("a", a);
        requirePoints("b", b);
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                "both sets must have the same number of points, got " + a.length / 2 + " and " + b.length / 2);
        }
        if (angles.length == 0) {
            throw new IllegalArgumentException("need at least one direction");
        }
        int n = a.length / 2;
        double[] projectedA = new double[n];
        double[] projectedB = new double[n];
        double sum = 0;
        for (double angle : angles) {
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            project(a, cos, sin, projectedA);
            project(b, cos, sin, projectedB);
            Arrays.sort(projectedA);
            Arrays.sort(projectedB);
            for (int rank = 0; rank < n; rank++) {
                double difference = projectedA[rank] - projectedB[rank];
                sum += difference * difference;
            }
        }
        return Math.sqrt(sum / ((double) angles.length * n));
    }

    /**
     * The direction angles used for a seed: {@code count} angles uniform in [0, 2 pi) from a
     * {@link SplittableRandom} with that seed.
     */
    public static double[] directions(int count, long seed) {
        if (count <= 0) {
            throw new IllegalArgumentException("number of directions must be positive, got " + count);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] angles = new double[count];
        for (int i = 0; i < count; i++) {
            angles[i] = random.nextDouble(0.0, 2 * Math.PI);
        }
        return angles;
    }

    private static void project(float[] xy, double cos, double sin, double[] into) {
        for (int i = 0; i < into.length; i++) {
            into[i] = xy[2 * i] * cos + xy[2 * i + 1] * sin;
        }
    }

    private static void requirePoints(String name, float[] xy) {
        if (xy == null || xy.length == 0 || xy.length % 2 != 0) {
            throw new IllegalArgumentException(name + " must be a non-empty array of interleaved (x, y) pairs");
        }
    }
}
