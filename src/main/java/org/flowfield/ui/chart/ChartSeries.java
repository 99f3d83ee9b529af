package org.flowfield.ui.chart;

import java.util.Objects;

/**
 * One named series of (x, y) points with its colour.
 *
 * @param name the legend's text (shown as text)
 * @param kind line or scatter
 * @param colour a CSS hex colour
 * @param xy interleaved x0, y0, x1, y1, …; non-finite values leave a gap
 */
public record ChartSeries(String name, ChartKind kind, String colour, double[] xy) {

    public ChartSeries {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(colour, "colour");
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("a series needs (x, y) pairs, got " + xy.length + " numbers");
        }
    }

    /** A scatter of interleaved (x, y) points. */
    public static ChartSeries scatter(String name, String colour, float[] xy) {
        double[] values = new double[xy.length];
        for (int i = 0; i < xy.length; i++) {
            values[i] = xy[i];
        }
        return new ChartSeries(name, ChartKind.SCATTER, colour, values);
    }

    /** A line through (x[i], y[i]). */
    public static ChartSeries line(String name, String colour, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
        }
        double[] values = new double[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            values[2 * i] = x[i];
            values[2 * i + 1] = y[i];
        }
        return new ChartSeries(name, ChartKind.LINE, colour, values);
    }

    public int size() {
        return xy.length / 2;
    }
}
