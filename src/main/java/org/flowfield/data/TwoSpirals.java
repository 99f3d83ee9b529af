package org.flowfield.data;

/**
 * Two spirals (docs/data.md), the "2spirals" set of Grathwohl et al. (2019): along an arm, s = 3π√u
 * with u ~ U[0, 1]; the first arm's point is (−s cos s + a, s sin s + b) with a, b ~ U[0, 1/2], the
 * second arm's is its negation; both are divided by 3 and moved by N(0, 0.1² I). Class k is arm k.
 */
final class TwoSpirals {

    /** The arms turn through 540° (3π radians). */
    static final double TURN = 3 * Math.PI;
    static final double JITTER = 0.5;
    static final double SCALE = 1.0 / 3;
    static final double NOISE = 0.1;

    private TwoSpirals() {}

    static PointCloud sample(int n, long seed, boolean labelled) {
        return Stratified.sample(n, seed, 2, labelled, (arm, random, out) -> {
            double s = TURN * Math.sqrt(random.nextDouble());
            double x = -Math.cos(s) * s + JITTER * random.nextDouble();
            double y = Math.sin(s) * s + JITTER * random.nextDouble();
            double sign = arm == 0 ? 1 : -1;
            out[0] = sign * x * SCALE + NOISE * random.nextGaussian();
            out[1] = sign * y * SCALE + NOISE * random.nextGaussian();
        });
    }
}
