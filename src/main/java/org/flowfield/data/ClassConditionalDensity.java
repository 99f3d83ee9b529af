package org.flowfield.data;

/**
 * The exact densities of a labelled data set, one per class: what a class-conditional model's
 * held-out NLL, -log p(x | c), is measured against.
 */
public interface ClassConditionalDensity {

    int classes();

    /** The density of the points labelled {@code label}. */
    KnownDensity givenClass(int label);

    /** The probability of a point being labelled {@code label}. */
    double classProbability(int label);

    /** H(X | C) = Σ_c P(c) H(X | C = c), in nats. */
    default double conditionalEntropy() {
        double sum = 0;
        for (int c = 0; c < classes(); c++) {
            sum += classProbability(c) * givenClass(c).entropy();
        }
        return sum;
    }
}
