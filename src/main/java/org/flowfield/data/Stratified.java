package org.flowfield.data;

import java.util.SplittableRandom;

/**
 * The sampling scheme shared by the generated data sets other than the rings (docs/data.md, "Other
 * data sets"): point i belongs to part i mod K, so every part holds ⌊n/K⌋ or ⌈n/K⌉ points and the
 * parts appear interleaved; one {@link SplittableRandom} seeded with the seed draws every number, point
 * after point.
 */
final class Stratified {

    /** One point of a part, in original coordinates, written to {@code out[0..1]}. */
    interface PointDraw {
        void draw(int part, SplittableRandom random, double[] out);
    }

    private Stratified() {}

    /**
     * @param parts K, the number of parts (classes, components or arms); 1 for a set without parts
     * @param labelled whether each point carries its part as its class label
     */
    static PointCloud sample(int n, long seed, int parts, boolean labelled, PointDraw draw) {
        if (n <= 0) {
            throw new IllegalArgumentException("number of points must be positive, got " + n);
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] xy = new float[2 * n];
        int[] labels = labelled ? new int[n] : null;
        double[] point = new double[2];
        for (int i = 0; i < n; i++) {
            int part = i % parts;
            draw.draw(part, random, point);
            xy[2 * i] = (float) point[0];
            xy[2 * i + 1] = (float) point[1];
            if (labelled) {
                labels[i] = part;
            }
        }
        return new PointCloud(xy, labels);
    }
}
