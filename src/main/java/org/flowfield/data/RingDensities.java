package org.flowfield.data;

/**
 * The exact densities of the two Olympic-rings sets of docs/data.md, in original coordinates.
 *
 * <p>Unconditional set: uniform over the union of the five annuli inside the sampling box
 * [−1, 5] × [−2, 1], an overlap counted once. Its area is the integral over x of the length of the
 * union of the annuli's intervals in y at that x, clipped to the box; the integrand is continuous,
 * so the midpoint rule with {@link #AREA_STEPS} steps gives the area to better than 1e-8 (relative; the error comes from the square-root edges of the
 * circles and shrinks as steps^−1.5).
 *
 * <p>Conditional set, one ring: radius r ~ U[a, b] and angle uniform, so the density at distance
 * r from the centre is 1 / (2π (b − a) r) on the annulus and
 * H = log(2π (b − a)) + E[log r], E[log r] = (b log b − b − a log a + a) / (b − a).
 */
final class RingDensities {

    static final int AREA_STEPS = 1 << 21;

    /**
     * A point this close (original units) to the support counts as inside it, so that the float
     * rounding of a stored, standardised point on an edge cannot put it outside (docs/figures.md
     * uses the same slack for the in-ring fraction). The area it adds is below 10⁻⁵ of the support's.
     */
    static final double SUPPORT_SLACK = 1e-6;

    private static final double[][] BOX = {{-1, 5}, {-2, 1}};

    private RingDensities() {}

    /** The unconditional set's density: uniform on (union of annuli) ∩ box. */
    static StandardizedDensity.Original union() {
        double logArea = Math.log(UnionArea.VALUE);
        return new StandardizedDensity.Original() {
            @Override
            public double logDensity(double x, double y) {
                boolean inBox = x >= BOX[0][0] - SUPPORT_SLACK && x <= BOX[0][1] + SUPPORT_SLACK
                        && y >= BOX[1][0] - SUPPORT_SLACK && y <= BOX[1][1] + SUPPORT_SLACK;
                return inBox && OlympicRings.inAnyRing(x, y, SUPPORT_SLACK) ? -logArea : Double.NEGATIVE_INFINITY;
            }

            @Override
            public double entropy() {
                return logArea;
            }
        };
    }

    /** The density of the points of one ring (ring order) in the conditional set. */
    static StandardizedDensity.Original ring(int ring) {
        double a = OlympicRings.INNER_RADIUS;
        double b = OlympicRings.OUTER_RADIUS;
        double logNormaliser = Math.log(2 * Math.PI * (b - a));
        double meanLogRadius = (b * Math.log(b) - b - a * Math.log(a) + a) / (b - a);
        return new StandardizedDensity.Original() {
            @Override
            public double logDensity(double x, double y) {
                double d = OlympicRings.distanceToCentre(ring, x, y);
                return d >= a - SUPPORT_SLACK && d <= b + SUPPORT_SLACK ? -logNormaliser - Math.log(d) : Double.NEGATIVE_INFINITY;
            }

            @Override
            public double entropy() {
                return logNormaliser + meanLogRadius;
            }
        };
    }

    /** Computed once, when first needed. */
    private static final class UnionArea {
        static final double VALUE = unionArea();
    }

    /** Area of (union of the annuli) ∩ box, original units. */
    static double unionArea() {
        double from = BOX[0][0];
        double width = BOX[0][1] - from;
        double h = width / AREA_STEPS;
        double sum = 0;
        double[] intervals = new double[4 * OlympicRings.NUM_RINGS];
        for (int i = 0; i < AREA_STEPS; i++) {
            sum += coveredLength(from + (i + 0.5) * h, intervals);
        }
        return sum * h;
    }

    /** Length of the part of the vertical line at x inside the box covered by at least one annulus. */
    private static double coveredLength(double x, double[] intervals) {
        int count = 0;
        double outer = OlympicRings.OUTER_RADIUS;
        double inner = OlympicRings.INNER_RADIUS;
        for (int ring = 0; ring < OlympicRings.NUM_RINGS; ring++) {
            double dx = x - OlympicRings.centreX(ring);
            double cy = OlympicRings.centreY(ring);
            if (Math.abs(dx) >= outer) {
                continue;
            }
            double top = Math.sqrt(outer * outer - dx * dx);
            if (Math.abs(dx) >= inner) {
                count = add(intervals, count, cy - top, cy + top);
            } else {
                double hole = Math.sqrt(inner * inner - dx * dx);
                count = add(intervals, count, cy - top, cy - hole);
                count = add(intervals, count, cy + hole, cy + top);
            }
        }
        return unionLength(intervals, count);
    }

    private static int add(double[] intervals, int count, double low, double high) {
        double clippedLow = Math.max(low, BOX[1][0]);
        double clippedHigh = Math.min(high, BOX[1][1]);
        if (clippedHigh > clippedLow) {
            intervals[2 * count] = clippedLow;
            intervals[2 * count + 1] = clippedHigh;
            return count + 1;
        }
        return count;
    }

    /** Total length of the union of {@code count} intervals (insertion-sorted by start). */
    private static double unionLength(double[] intervals, int count) {
        for (int i = 1; i < count; i++) {
            double low = intervals[2 * i];
            double high = intervals[2 * i + 1];
            int j = i - 1;
            while (j >= 0 && intervals[2 * j] > low) {
                intervals[2 * j + 2] = intervals[2 * j];
                intervals[2 * j + 3] = intervals[2 * j + 1];
                j--;
            }
            intervals[2 * j + 2] = low;
            intervals[2 * j + 3] = high;
        }
        double length = 0;
        double end = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            double low = Math.max(intervals[2 * i], end);
            double high = intervals[2 * i + 1];
            if (high > low) {
                length += high - low;
                end = high;
            }
        }
        return length;
    }
}
