package org.flowfield.metrics;

import org.flowfield.data.ClassConditionalDensity;
import org.flowfield.data.KnownDensity;

/**
 * The exact density of a run's data, in the standardised coordinates its model sees: one density
 * for a model of p(x), one per class for a class-conditional model of p(x | c), whose held-out
 * NLL is −log p(x | c) with each point's own class.
 */
public sealed interface DataDensity {

    /** The entropy the model's held-out NLL is set against: H(X), or H(X | C) for a class-conditional model. */
    double entropy();

    /** log p(x), or log p(x | c) with the given class; the class is ignored by a density without classes. */
    double logDensity(double x, double y, int label);

    /** Whether (x, y) lies where that density is positive. */
    boolean inSupport(double x, double y, int label);

    /** The data's density, for a model of p(x). */
    public static DataDensity of(KnownDensity density) {
        return new Marginal(density);
    }

    /** The data's densities per class, for a class-conditional model of p(x | c). */
    public static DataDensity perClass(ClassConditionalDensity density) {
        return new PerClass(density);
    }

    record Marginal(KnownDensity density) implements DataDensity {

        @Override
        public double entropy() {
            return density.entropy();
        }

        @Override
        public double logDensity(double x, double y, int label) {
            return density.logDensity(x, y);
        }

        @Override
        public boolean inSupport(double x, double y, int label) {
            return density.inSupport(x, y);
        }
    }

    record PerClass(ClassConditionalDensity density) implements DataDensity {

        @Override
        public double entropy() {
            return density.conditionalEntropy();
        }

        @Override
        public double logDensity(double x, double y, int label) {
            return density.givenClass(label).logDensity(x, y);
        }

        @Override
        public boolean inSupport(double x, double y, int label) {
            return density.givenClass(label).inSupport(x, y);
        }
    }
}
