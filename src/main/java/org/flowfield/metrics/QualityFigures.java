package org.flowfield.metrics;

/**
 * The figures every finished run reports (docs/figures.md).
 *
 * @param heldOutNll mean −log p(x) over the 10,000 held-out points, nats, standardised coordinates
 * @param inRingFraction fraction of 10,000 samples inside a ring annulus, original coordinates
 * @param slicedW2 sliced Wasserstein-2 distance between those samples and the held-out points
 * @param likelihoodMethod how log p(x) was computed, e.g. "RK4, 200 steps, exact divergence"
 * @param sampler how the samples were drawn, e.g. "Euler, dt = 0.001"
 * @param dataEntropy the data's differential entropy H (H(X | C) for class-conditional runs), nats,
 *     standardised coordinates; null when the data's density is not known exactly
 * @param outsideSupportFraction share of the 10,000 samples where the data's density is zero; null
 *     when the density is not known
 * @param exactW2 exact 2-Wasserstein distance between the 10,000 samples and the held-out points,
 *     standardised units; null for runs that finished before it was computed
 * @param normalizedPathEnergy |E ∫|v|² dt − W2²| / W2² of a flow-matching model; null for normalizing
 *     flows and runs that finished before it was computed
 */
public record QualityFigures(
        double heldOutNll, double inRingFraction, double slicedW2, String likelihoodMethod, String sampler,
        Double dataEntropy, Double outsideSupportFraction, Double exactW2, Double normalizedPathEnergy) {

    /** The figures of a run measured before the figures against the truth existed. */
    public QualityFigures(double heldOutNll, double inRingFraction, double slicedW2, String likelihoodMethod, String sampler) {
        this(heldOutNll, inRingFraction, slicedW2, likelihoodMethod, sampler, null, null, null, null);
    }

    /** NLL − H: the KL divergence from the data to the model, in nats; null when H is not known. */
    public Double klGap() {
        return dataEntropy == null ? null : heldOutNll - dataEntropy;
    }

    /**
     * Whether the held-out NLL is below the data's entropy: impossible for a correct likelihood
     * (KL ≥ 0), so it marks an error in the likelihood or in the density it is set against.
     */
    public boolean nllBelowEntropy() {
        return dataEntropy != null && heldOutNll < dataEntropy;
    }
}
