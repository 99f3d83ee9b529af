package org.flowfield.data;

/**
 * A density known in original coordinates, seen in the standardised coordinates z = (x − mean) / std
 * of a training set: p_z(z) = p_x(x)·std_x·std_y, so log p_z = log p_x + log std_x + log std_y and
 * H_z = H_x − log std_x − log std_y.
 */
final class StandardizedDensity implements KnownDensity {

    /** A density in original coordinates. */
    interface Original {
        double logDensity(double x, double y);

        double entropy();
    }

    private final Original original;
    private final Standardization stats;
    private final double logJacobian;

    StandardizedDensity(Original original, Standardization stats) {
        if (stats == null) {
            throw new IllegalArgumentException("a density in the model's coordinates needs the training set's statistics");
        }
        this.original = original;
        this.stats = stats;
        this.logJacobian = Math.log(stats.stdX()) + Math.log(stats.stdY());
    }

    @Override
    public double logDensity(double x, double y) {
        double[] p = stats.toOriginal(x, y);
        return original.logDensity(p[0], p[1]) + logJacobian;
    }

    @Override
    public double entropy() {
        return original.entropy() - logJacobian;
    }
}
