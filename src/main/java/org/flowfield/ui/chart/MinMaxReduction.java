package org.flowfield.ui.chart;

import java.util.Arrays;

/**
 * A long line reduced for the screen to at most {@link #MAX_POINTS} points: its points split, in
 * order, into {@link #BUCKETS} buckets of (nearly) equal counts, and of each bucket only the lowest
 * and the highest point kept, and its first non-finite one if it has any (so a gap stays a gap);
 * the line's first and last points are always kept. Shorter lines stay as they are.
 *
 * <p>Min and max rather than a mean or a largest-triangle pick: a per-batch loss is noisy, and
 * what a student reads off it is its envelope and its spikes (one bad batch, a divergence), which
 * min/max keeps exactly at the chart's resolution (about one bucket per pixel column), while
 * averaging flattens spikes and a one-point-per-bucket pick can miss them.
 */
public final class MinMaxReduction {

    /** The most points a reduced line has. */
    public static final int MAX_POINTS = 2_000;
    /** Buckets of a reduced line: up to three points each, and the first and last points. */
    static final int BUCKETS = (MAX_POINTS - 2) / 3;

    private MinMaxReduction() {}

    /** A line series through (x[i], y[i]), reduced when longer than {@link #MAX_POINTS}. */
    public static ChartSeries line(String name, String colour, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
        }
        int[] kept = kept(y);
        double[] keptX = new double[kept.length];
        double[] keptY = new double[kept.length];
        for (int i = 0; i < kept.length; i++) {
            keptX[i] = x[kept[i]];
            keptY[i] = y[kept[i]];
        }
        return ChartSeries.line(name, colour, keptX, keptY);
    }

    /** The indices of the points kept, in order. */
    static int[] kept(double[] y) {
        int n = y.length;
        if (n <= MAX_POINTS) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] kept = new int[3 * BUCKETS + 2];
        int count = 0;
        kept[count++] = 0;
        for (int b = 0; b < BUCKETS; b++) {
            int from = (int) ((long) b * n / BUCKETS);
            int to = (int) ((long) (b + 1) * n / BUCKETS);
            int lowest = -1;
            int highest = -1;
            int gap = -1;
            for (int i = from; i < to; i++) {
                if (!Double.isFinite(y[i])) {
                    gap = gap < 0 ? i : gap;
                } else {
                    lowest = lowest < 0 || y[i] < y[lowest] ? i : lowest;
                    highest = highest < 0 || y[i] > y[highest] ? i : highest;
                }
            }
            int[] bucket = {lowest, highest, gap};
            Arrays.sort(bucket);
            for (int index : bucket) {
                if (index > kept[count - 1]) {
                    kept[count++] = index;
                }
            }
        }
        if (kept[count - 1] != n - 1) {
            kept[count++] = n - 1;
        }
        return Arrays.copyOf(kept, count);
    }
}
