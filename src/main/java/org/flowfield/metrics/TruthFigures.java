package org.flowfield.metrics;

/**
 * The figures of docs/figures.md set against the data's known density.
 *
 * @param dataEntropy the data's differential entropy H (H(X | C) for class-conditional runs), nats,
 *     in standardised coordinates
 * @param outsideSupportFraction the share of the 10,000 samples where the density of their class is zero
 */
public record TruthFigures(double dataEntropy, double outsideSupportFraction) {}
