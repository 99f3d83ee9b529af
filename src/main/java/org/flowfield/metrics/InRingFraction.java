package org.flowfield.metrics;

import org.flowfield.data.OlympicRings;
import org.flowfield.data.Standardization;

/**
 * docs/figures.md "in-ring fraction": the share of samples that, mapped back to original coordinates
 * with the training statistics, lie in at least one ring annulus (R - t/2 &lt;= d &lt;= R + t/2).
 */
public final class InRingFraction {

    /**
     * How far, in original units, a point may lie outside an annulus and still count as inside.
     * Samples are float32 in standardised units; the round trip through float shifts a point by
     * under 1e-6 original units, and without this slack a held-out point drawn on a ring's edge
     * could fall just outside and break "held-out data scores 1.0". It changes a model's figure
     * by at most the share of samples within 1e-6 of an edge.
     */
    public static final double ROUNDING_SLACK = 1e-6;

    private InRingFraction() {
    }

    /**
     * @param standardisedXy samples in standardised coordinates, interleaved {@code [x0, y0, ...]}, length 2n, n &gt; 0
     * @param stats          the training set's statistics
     * @return the fraction in [0, 1] of samples inside some annulus; NaN or infinite samples count as outside
     */
    public static double of(float[] standardisedXy, Standardization stats) {
        if (standardisedXy == null || standardisedXy.length == 0 || standardisedXy.length % 2 != 0) {
            throw new IllegalArgumentException("need a non-empty array of interleaved (x, y) samples");
        }
        int n = standardisedXy.length / 2;
        int inside = 0;
        for (int i = 0; i < n; i++) {
            double[] original = stats.toOriginal(standardisedXy[2 * i], standardisedXy[2 * i + 1]);
            if (OlympicRings.inAnyRing(original[0], original[1], ROUNDING_SLACK)) {
                inside++;
            }
        }
        return (double) inside / n;
    }
}
