package org.flowfield.data;

/**
 * Pinwheel (docs/data.md), after Johnson et al. (2016) as used by Grathwohl et al. (2019): five
 * arms; on arm k a point (1 + 0.3 a, 0.1 b), a, b ~ N(0, 1), is turned by the angle 2πk/5 + 0.25·e^(1 + 0.3 a)
 * about the origin and scaled by 2. No classes (the arms share the sampling scheme's parts).
 */
final class Pinwheel {

    static final int ARMS = 5;
    static final double RADIAL_STD = 0.3;
    static final double TANGENTIAL_STD = 0.1;
    static final double RATE = 0.25;
    static final double SCALE = 2;

    private Pinwheel() {}

    static PointCloud sample(int n, long seed) {
        return Stratified.sample(n, seed, ARMS, false, (arm, random, out) -> {
            double radial = 1 + RADIAL_STD * random.nextGaussian();
            double tangential = TANGENTIAL_STD * random.nextGaussian();
            double angle = 2 * Math.PI * arm / ARMS + RATE * Math.exp(radial);
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            out[0] = SCALE * (cos * radial - sin * tangential);
            out[1] = SCALE * (sin * radial + cos * tangential);
        });
    }
}
