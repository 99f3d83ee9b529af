package org.flowfield.data;

/**
 * Eight Gaussians (docs/data.md): an equal mixture of eight isotropic Gaussians whose means lie on
 * the circle of radius 5 at the angles 2πk/8, k = 0..7, each with variance √0.1 per axis, as in the
 * two-dimensional experiments of Tong et al. (2024). Class k is the component at angle 2πk/8.
 */
final class EightGaussians {

    static final int COMPONENTS = 8;
    static final double RADIUS = 5;
    /** Per-axis variance √0.1, so the standard deviation is 0.1^(1/4) ≈ 0.562. */
    static final double VARIANCE = Math.sqrt(0.1);
    static final double STD = Math.sqrt(VARIANCE);

    private EightGaussians() {}

    static double meanX(int component) {
        return RADIUS * Math.cos(2 * Math.PI * component / COMPONENTS);
    }

    static double meanY(int component) {
        return RADIUS * Math.sin(2 * Math.PI * component / COMPONENTS);
    }

    static PointCloud sample(int n, long seed, boolean labelled) {
        return Stratified.sample(n, seed, COMPONENTS, labelled, (k, random, out) -> {
            out[0] = meanX(k) + STD * random.nextGaussian();
            out[1] = meanY(k) + STD * random.nextGaussian();
        });
    }
}
