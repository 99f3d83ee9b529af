package org.flowfield.flows;

import java.util.SplittableRandom;

/** The prior p_z = N(0, I) in two dimensions. */
public final class StandardNormal {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private StandardNormal() {}

    /** {@code count} independent draws [count × 2] interleaved, reproducible from the seed. */
    public static float[] draw(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] z = new float[2 * count];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        return z;
    }

    /** log N(z; 0, I) = −|z|²/2 − log 2π. */
    public static double logDensity(double z0, double z1) {
        return -0.5 * (z0 * z0 + z1 * z1) - LOG_2PI;
    }
}
