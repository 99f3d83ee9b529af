package org.flowfield.metrics;

/**
 * The figures of docs/figures.md that need an exact optimal transport, computed after a run has
 * finished and stored beside its other figures.
 *
 * @param exactW2 exact 2-Wasserstein distance between 10,000 samples and the 10,000 held-out points,
 *     standardised units; NaN when the samples hold NaN
 * @param normalizedPathEnergy the normalized path energy of a flow-matching model; null for a
 *     normalizing flow
 */
public record TransportFigures(double exactW2, Double normalizedPathEnergy) {}
