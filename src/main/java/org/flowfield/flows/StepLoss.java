package org.flowfield.flows;

/**
 * The loss of one batch, averaged over its points.
 *
 * @param loss the training objective: Eq. 9 for a normalizing flow, Eq. 16 for flow matching
 * @param logDet mean log|det ∂φ⁻¹(x)/∂xᵀ| (Eq. 8, in log space); NaN for flow matching
 * @param logPz mean log p_z(φ⁻¹(x)) under N(0, I); NaN for flow matching
 */
public record StepLoss(double loss, double logDet, double logPz) {

    public static StepLoss of(double loss) {
        return new StepLoss(loss, Double.NaN, Double.NaN);
    }

    public boolean hasParts() {
        return !Double.isNaN(logDet);
    }

    public boolean finite() {
        return Double.isFinite(loss);
    }
}
