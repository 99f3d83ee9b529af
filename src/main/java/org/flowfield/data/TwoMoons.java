package org.flowfield.data;

/**
 * Two moons (docs/data.md): the upper half circle (cos θ, sin θ) and the lower one
 * (1 − cos θ, 1/2 − sin θ), θ ~ U[0, π], each point moved by N(0, 0.05² I), then scaled by 2 and
 * shifted by −1 along x: the convention of the "moons" set of Tong et al. (2024), built on
 * scikit-learn's make_moons. Class 0 is the upper moon, class 1 the lower.
 */
final class TwoMoons {

    static final double NOISE = 0.05;
    static final double SCALE = 2;
    static final double SHIFT_X = -1;

    private TwoMoons() {}

    static PointCloud sample(int n, long seed, boolean labelled) {
        return Stratified.sample(n, seed, 2, labelled, (moon, random, out) -> {
            double theta = random.nextDouble(0, Math.PI);
            double x = moon == 0 ? Math.cos(theta) : 1 - Math.cos(theta);
            double y = moon == 0 ? Math.sin(theta) : 0.5 - Math.sin(theta);
            x += NOISE * random.nextGaussian();
            y += NOISE * random.nextGaussian();
            out[0] = SCALE * x + SHIFT_X;
            out[1] = SCALE * y;
        });
    }
}
