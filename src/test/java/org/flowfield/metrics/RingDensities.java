package org.flowfield.metrics;

import org.flowfield.data.ClassConditionalDensity;
import org.flowfield.data.KnownDensity;
import org.flowfield.data.OlympicRings;
import org.flowfield.data.Standardization;

/**
 * The exact densities of the two Olympic-rings data sets (docs/data.md), for the tests of the
 * figures against the truth, in the standardised coordinates of given training statistics: a
 * density in original coordinates times stdX · stdY.
 */
public final class RingDensities {

    /** The box the unconditional set's rejection sampler draws from (RingSampler). */
    private static final double MIN_X = -1, MAX_X = 5, MIN_Y = -2, MAX_Y = 1;

    private RingDensities() {}

    /**
     * Uniform over the union of the annuli inside the sampler's box. Its area is integrated on a
     * 6,000 × 3,000 midpoint grid: the cells cut by an edge (a few thousand of 18 million) bound the
     * relative error of the area, and so the error of the entropy, to about 10⁻⁴.
     */
    public static KnownDensity unconditional(Standardization stats) {
        double area = unionArea(6_000, 3_000);
        double logDensity = -Math.log(area) + Math.log(stats.stdX() * stats.stdY());
        return new KnownDensity() {
            @Override
            public double logDensity(double x, double y) {
                double[] original = stats.toOriginal(x, y);
                // the box's edges count as inside to within the float rounding of standardised points (as in
                // InRingFraction): the exercise's points on the blue ring's left and the black ring's top lie on them
                double slack = InRingFraction.ROUNDING_SLACK;
                boolean inBox = original[0] >= MIN_X - slack && original[0] <= MAX_X + slack
                        && original[1] >= MIN_Y - slack && original[1] <= MAX_Y + slack;
                return inBox && OlympicRings.inAnyRing(original[0], original[1]) ? logDensity : Double.NEGATIVE_INFINITY;
            }

            @Override
            public double entropy() {
                return -logDensity;
            }
        };
    }

    /**
     * Each class on its ring with r ~ U[a, b] (a, b = R ∓ t/2) and θ ~ U[0, 2π): in the plane
     * p(x | c) = 1 / (2π t r), and H(X | C = c) = log 2πt + E[log r] with
     * E[log r] = [r log r − r] from a to b, divided by t; the classes are equally likely.
     */
    public static ClassConditionalDensity conditional(Standardization stats) {
        double a = OlympicRings.INNER_RADIUS;
        double b = OlympicRings.OUTER_RADIUS;
        double t = OlympicRings.THICKNESS;
        double meanLogR = ((b * Math.log(b) - b) - (a * Math.log(a) - a)) / t;
        double logJacobian = Math.log(stats.stdX() * stats.stdY());
        double entropy = Math.log(2 * Math.PI * t) + meanLogR - logJacobian;
        return new ClassConditionalDensity() {
            @Override
            public int classes() {
                return OlympicRings.NUM_CLASSES;
            }

            @Override
            public KnownDensity givenClass(int label) {
                int ring = ringOfLabel(label);
                return new KnownDensity() {
                    @Override
                    public double logDensity(double x, double y) {
                        double[] original = stats.toOriginal(x, y);
                        double r = OlympicRings.distanceToCentre(ring, original[0], original[1]);
                        return r >= a && r <= b ? -Math.log(2 * Math.PI * t * r) + logJacobian : Double.NEGATIVE_INFINITY;
                    }

                    @Override
                    public double entropy() {
                        return entropy;
                    }
                };
            }

            @Override
            public double classProbability(int label) {
                return 1.0 / OlympicRings.NUM_CLASSES;
            }
        };
    }

    private static int ringOfLabel(int label) {
        for (int ring = 0; ring < OlympicRings.NUM_RINGS; ring++) {
            if (OlympicRings.labelOfRing(ring) == label) {
                return ring;
            }
        }
        throw new IllegalArgumentException("no ring has label " + label);
    }

    private static double unionArea(int columns, int rows) {
        double dx = (MAX_X - MIN_X) / columns;
        double dy = (MAX_Y - MIN_Y) / rows;
        long inside = 0;
        for (int i = 0; i < columns; i++) {
            double x = MIN_X + (i + 0.5) * dx;
            for (int j = 0; j < rows; j++) {
                if (OlympicRings.inAnyRing(x, MIN_Y + (j + 0.5) * dy)) {
                    inside++;
                }
            }
        }
        return inside * dx * dy;
    }
}
