package org.flowfield.data;

/**
 * Concentric circles (docs/data.md): the circle of radius 1 (class 0) and the circle of radius 1/2
 * (class 1), angle θ ~ U[0, 2π), each point moved by N(0, 0.05² I) and then scaled by 3.5: the
 * "circles" set of Tong et al. (2024), built on scikit-learn's make_circles with factor 0.5.
 */
final class ConcentricCircles {

    static final double[] RADII = {1, 0.5};
    static final double NOISE = 0.05;
    static final double SCALE = 3.5;

    private ConcentricCircles() {}

    static PointCloud sample(int n, long seed, boolean labelled) {
        return Stratified.sample(n, seed, RADII.length, labelled, (circle, random, out) -> {
            double theta = random.nextDouble(0, 2 * Math.PI);
            out[0] = SCALE * (RADII[circle] * Math.cos(theta) + NOISE * random.nextGaussian());
            out[1] = SCALE * (RADII[circle] * Math.sin(theta) + NOISE * random.nextGaussian());
        });
    }
}
