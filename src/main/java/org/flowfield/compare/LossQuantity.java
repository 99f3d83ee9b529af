package org.flowfield.compare;

import org.flowfield.flows.ModelFamily;

/** What a family's training loss measures: two families' losses compare only when this is the same. */
public enum LossQuantity {
    /** Eq. 9: −log p(x) of the batch, nats per point. */
    NEGATIVE_LOG_LIKELIHOOD("negative log-likelihood (nats per point, Eq. 9)", "NLL, nats"),
    /** Eq. 16: mean squared error of the vector field against the conditional target y₁ − y₀. */
    FLOW_MATCHING_MSE("flow-matching mean squared error (Eq. 16)", "MSE, Eq. 16");

    private final String description;
    private final String shortName;

    LossQuantity(String description, String shortName) {
        this.description = description;
        this.shortName = shortName;
    }

    public String description() {
        return description;
    }

    public String shortName() {
        return shortName;
    }

    public static LossQuantity of(ModelFamily family) {
        return family == ModelFamily.NORMALIZING_FLOW ? NEGATIVE_LOG_LIKELIHOOD : FLOW_MATCHING_MSE;
    }
}
