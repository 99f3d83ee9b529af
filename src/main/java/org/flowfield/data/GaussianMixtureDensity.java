package org.flowfield.data;

/**
 * The density of {@link EightGaussians} in original coordinates: the equal mixture
 * p(x) = (1/8) Σ_k N(x; μ_k, s² I), and each component alone for the class-conditional set.
 *
 * <p>Entropy of the mixture: rotating by 2π/8 maps the mixture onto itself and component k onto
 * component k + 1, so H = −E[log p(X)] with X drawn from component 0 alone. That expectation is a
 * two-dimensional integral against a Gaussian, taken by the trapezoid rule on a square grid of
 * {@link #GRID} × {@link #GRID} nodes reaching {@link #REACH} standard deviations from μ_0: the
 * integrand is smooth and the Gaussian weight is below e^(−50) beyond the grid, so the rule's error
 * (exponentially small in the node count) and the cut-off together stay below 1e-10 nats.
 */
final class GaussianMixtureDensity {

    static final int GRID = 401;
    static final double REACH = 10;

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private GaussianMixtureDensity() {}

    static StandardizedDensity.Original mixture() {
        double entropy = mixtureEntropy();
        return new StandardizedDensity.Original() {
            @Override
            public double logDensity(double x, double y) {
                return logMixture(x, y);
            }

            @Override
            public double entropy() {
                return entropy;
            }
        };
    }

    /** Component k alone: H = log(2π e s²). */
    static StandardizedDensity.Original component(int k) {
        return new StandardizedDensity.Original() {
            @Override
            public double logDensity(double x, double y) {
                return logComponent(k, x, y);
            }

            @Override
            public double entropy() {
                return 1 + LOG_2PI + Math.log(EightGaussians.VARIANCE);
            }
        };
    }

    static double logComponent(int k, double x, double y) {
        double dx = x - EightGaussians.meanX(k);
        double dy = y - EightGaussians.meanY(k);
        return -(dx * dx + dy * dy) / (2 * EightGaussians.VARIANCE) - LOG_2PI - Math.log(EightGaussians.VARIANCE);
    }

    static double logMixture(double x, double y) {
        double[] terms = new double[EightGaussians.COMPONENTS];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < terms.length; k++) {
            terms[k] = logComponent(k, x, y);
            max = Math.max(max, terms[k]);
        }
        double sum = 0;
        for (double term : terms) {
            sum += Math.exp(term - max);
        }
        return max + Math.log(sum) - Math.log(EightGaussians.COMPONENTS);
    }

    static double mixtureEntropy() {
        double s = EightGaussians.STD;
        double h = 2 * REACH / (GRID - 1);
        double total = 0;
        for (int i = 0; i < GRID; i++) {
            double u = -REACH + i * h;
            double wu = i == 0 || i == GRID - 1 ? 0.5 : 1;
            for (int j = 0; j < GRID; j++) {
                double v = -REACH + j * h;
                double wv = j == 0 || j == GRID - 1 ? 0.5 : 1;
                // X = μ_0 + s (u, v); the standard normal weight of (u, v) times −log p(X).
                double weight = Math.exp(-(u * u + v * v) / 2 - LOG_2PI);
                double x = EightGaussians.meanX(0) + s * u;
                double y = EightGaussians.meanY(0) + s * v;
                total -= wu * wv * weight * logMixture(x, y);
            }
        }
        return total * h * h;
    }
}
