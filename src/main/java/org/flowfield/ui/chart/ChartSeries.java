package org.flowfield.ui.chart;

import java.util.Objects;

/**
 * One named series of (x, y) points with its colour.
 *
 * @param name the legend's text (shown as text)
 * @param kind line or scatter
 * @param colour a CSS hex colour
 * @param xy interleaved x0, y0, x1, y1, …; non-finite values leave a gap
 * @param markerSize marker radius in pixels for a scatter series; NaN for the chart's default
 * @param squareMarkers square rather than round markers (e.g. the cells of a heat map)
 * @param backdrop drawn beneath every other series, e.g. a density heat map behind points
 */
public record ChartSeries(
        String name, ChartKind kind, String colour, double[] xy, double markerSize, boolean squareMarkers, boolean backdrop) {

    public ChartSeries {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(colour, "colour");
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("a series needs (x, y) pairs, got " + xy.length + " numbers");
        }
        if (!Double.isNaN(markerSize) && !(markerSize >= 0)) {
            throw new IllegalArgumentException("a marker size must be at least 0, got " + markerSize);
        }
    }

    /** A plain series: default markers, drawn in order. */
    public ChartSeries(String name, ChartKind kind, String colour, double[] xy) {
        this(name, kind, colour, xy, Double.NaN, false, false);
    }

    /** The same series with markers of this radius (pixels). */
    public ChartSeries withMarkerSize(double pixels) {
        return new ChartSeries(name, kind, colour, xy, pixels, squareMarkers, backdrop);
    }

    /** The same series as a backdrop of square markers of this half-side (pixels), beneath all other series. */
    public ChartSeries asBackdrop(double halfSide) {
        return new ChartSeries(name, kind, colour, xy, halfSide, true, true);
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
