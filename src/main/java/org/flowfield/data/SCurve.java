package org.flowfield.data;

/**
 * S-curve (docs/data.md): scikit-learn's three-dimensional S-curve seen from its side, as in Tong et
 * al. (2024): t ~ U[−3π/2, 3π/2], the point (sin t, sign(t)·(cos t − 1)) moved by N(0, 0.05² I) and
 * scaled by 1.5. No classes.
 */
final class SCurve {

    static final double HALF_RANGE = 1.5 * Math.PI;
    static final double NOISE = 0.05;
    static final double SCALE = 1.5;

    private SCurve() {}

    static PointCloud sample(int n, long seed) {
        return Stratified.sample(n, seed, 1, false, (part, random, out) -> {
            double t = random.nextDouble(-HALF_RANGE, HALF_RANGE);
            out[0] = SCALE * (Math.sin(t) + NOISE * random.nextGaussian());
            out[1] = SCALE * (Math.signum(t) * (Math.cos(t) - 1) + NOISE * random.nextGaussian());
        });
    }
}
