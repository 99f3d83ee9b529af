package org.flowfield.data;

import java.util.SplittableRandom;

/**
 * Draws the Olympic-rings point sets of docs/data.md in ORIGINAL coordinates (not standardised).
 *
 * <p>Both samplers are deterministic: the same {@code n} and {@code seed} give the same points.
 */
public final class RingSampler {

    private static final double MIN_X = -1.0;
    private static final double MAX_X = 5.0;
    private static final double MIN_Y = -2.0;
    private static final double MAX_Y = 1.0;

    private RingSampler() {
    }

    /**
     * docs/data.md "Unconditional", step 1: rejection sampling of x ~ U[-1, 5], y ~ U[-2, 1] until
     * {@code n} points lie in at least one annulus, so the points are uniform over the union.
     * As in the reference, the box cuts off the rings' outermost edges (they reach 1.125 from
     * their centres: x down to -1.125 and up to 5.125, y up to 1.125 and down to -2.125), so the
     * points are uniform over the part of the union inside the box.
     *
     * @return n points, interleaved {@code [x0, y0, ...]}, no labels
     */
    public static PointCloud unconditional(int n, long seed) {
        if (n <= 0) {
            throw new IllegalArgumentException("number of points must be positive, got " + n);
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] xy = new float[2 * n];
        int accepted = 0;
        while (accepted < n) {
            float x = (float) random.nextDouble(MIN_X, MAX_X);
            float y = (float) random.nextDouble(MIN_Y, MAX_Y);
            // Tested after rounding to float, so that every stored point lies in an annulus.
            if (OlympicRings.inAnyRing(x, y)) {
                xy[2 * accepted] = x;
                xy[2 * accepted + 1] = y;
                accepted++;
            }
        }
        return PointCloud.unlabelled(xy);
    }

    /**
     * docs/data.md "Conditional", steps 1 to 3: k = n / 5 points per ring, in ring order, each at
     * r ~ U[R - t/2, R + t/2] (uniform in r, not in area) and theta ~ U[0, 2 pi) from the ring's
     * centre, labelled with the ring's class.
     *
     * @return 5k points in ring order (the blue ring's k points first, with label 1; then black
     *     with label 0; red, 3; yellow, 4; green, 2)
     */
    public static PointCloud conditional(int n, long seed) {
        if (n < OlympicRings.NUM_RINGS) {
            throw new IllegalArgumentException(
                "the conditional set needs at least " + OlympicRings.NUM_RINGS + " points (one per ring), got " + n);
        }
        int perRing = n / OlympicRings.NUM_RINGS;
        SplittableRandom random = new SplittableRandom(seed);
        float[] xy = new float[2 * perRing * OlympicRings.NUM_RINGS];
        int[] labels = new int[perRing * OlympicRings.NUM_RINGS];
        int i = 0;
        for (int ring = 0; ring < OlympicRings.NUM_RINGS; ring++) {
            double cx = OlympicRings.centreX(ring);
            double cy = OlympicRings.centreY(ring);
            int label = OlympicRings.labelOfRing(ring);
            for (int j = 0; j < perRing; j++, i++) {
                double r = random.nextDouble(OlympicRings.INNER_RADIUS, OlympicRings.OUTER_RADIUS);
                double theta = random.nextDouble(0.0, 2 * Math.PI);
                xy[2 * i] = (float) (cx + r * Math.cos(theta));
                xy[2 * i + 1] = (float) (cy + r * Math.sin(theta));
                labels[i] = label;
            }
        }
        return new PointCloud(xy, labels);
    }

    /** The sampler for a data set kind. */
    public static PointCloud sample(DataSetKind kind, int n, long seed) {
        return switch (kind) {
            case UNCONDITIONAL -> unconditional(n, seed);
            case CONDITIONAL -> conditional(n, seed);
        };
    }
}
