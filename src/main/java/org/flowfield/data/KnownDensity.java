package org.flowfield.data;

/**
 * A data distribution whose density is known exactly, in the coordinates a model sees (after the
 * training set's standardisation, docs/data.md). A model's held-out NLL can then be set beside the
 * data's differential entropy: their difference is the KL divergence from the data to the model.
 */
public interface KnownDensity {

    /** log p(x, y) in nats; {@link Double#NEGATIVE_INFINITY} outside the support. */
    double logDensity(double x, double y);

    /** Whether (x, y) lies where the density is positive. */
    default boolean inSupport(double x, double y) {
        return logDensity(x, y) > Double.NEGATIVE_INFINITY;
    }

    /** The differential entropy H = -E[log p(X)] in nats, derived from the definition. */
    double entropy();
}
