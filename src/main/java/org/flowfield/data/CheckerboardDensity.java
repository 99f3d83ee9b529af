package org.flowfield.data;

/** The density of {@link Checkerboard} in original coordinates: 1/32 on the kept squares, H = log 32. */
final class CheckerboardDensity {

    private CheckerboardDensity() {}

    static StandardizedDensity.Original uniform() {
        double logArea = Math.log(Checkerboard.AREA);
        return new StandardizedDensity.Original() {
            @Override
            public double logDensity(double x, double y) {
                return Checkerboard.inSupport(x, y) ? -logArea : Double.NEGATIVE_INFINITY;
            }

            @Override
            public double entropy() {
                return logArea;
            }
        };
    }
}
