package org.flowfield.metrics;

/**
 * The figures every finished run reports (docs/figures.md).
 *
 * @param heldOutNll mean −log p(x) over the 10,000 held-out points, nats, standardised coordinates
 * @param inRingFraction fraction of 10,000 samples inside a ring annulus, original coordinates
 * @param slicedW2 sliced Wasserstein-2 distance between those samples and the held-out points
 * @param likelihoodMethod how log p(x) was computed, e.g. "RK4, 200 steps, exact divergence"
 * @param sampler how the samples were drawn, e.g. "Euler, dt = 0.001"
 */
public record QualityFigures(
        double heldOutNll, double inRingFraction, double slicedW2, String likelihoodMethod, String sampler) {}
