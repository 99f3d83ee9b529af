package org.flowfield.datasets;

import org.flowfield.data.KnownDensity;
import org.flowfield.data.Standardization;

/**
 * A density given in the data's own coordinates, seen in a model's standardised ones: with
 * x' = (x − mean) / std per axis, p'(x') = p(x) · stdX · stdY, so log p' gains log(stdX · stdY)
 * and the entropy loses it.
 */
public final class StandardisedDensity implements KnownDensity {

    private final KnownDensity original;
    private final Standardization standardization;
    private final double logJacobian;

    public StandardisedDensity(KnownDensity original, Standardization standardization) {
        this.original = original;
        this.standardization = standardization;
        this.logJacobian = Math.log(standardization.stdX()) + Math.log(standardization.stdY());
    }

    @Override
    public double logDensity(double x, double y) {
        double[] p = standardization.toOriginal(x, y);
        return original.logDensity(p[0], p[1]) + logJacobian;
    }

    @Override
    public boolean inSupport(double x, double y) {
        double[] p = standardization.toOriginal(x, y);
        return original.inSupport(p[0], p[1]);
    }

    @Override
    public double entropy() {
        return original.entropy() - logJacobian;
    }
}
