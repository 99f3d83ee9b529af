package org.flowfield.datasets;

import java.util.Arrays;

/**
 * One brush stroke: a polyline through {@code xy} (interleaved x0, y0, x1, y1, ...) painted with a
 * round brush of diameter {@code width}, in the data's coordinates. What it covers is the union
 * of the capsules around its segments (a single point paints a disc).
 */
public record Stroke(double width, double[] xy) {

    public Stroke {
        if (xy.length == 0 || xy.length % 2 != 0) {
            throw new IllegalArgumentException("a stroke needs (x, y) pairs, got " + xy.length + " numbers");
        }
        xy = xy.clone();
    }

    public int points() {
        return xy.length / 2;
    }

    public double x(int i) {
        return xy[2 * i];
    }

    public double y(int i) {
        return xy[2 * i + 1];
    }

    @Override
    public double[] xy() {
        return xy.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Stroke stroke && stroke.width == width && Arrays.equals(stroke.xy, xy);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(width) + Arrays.hashCode(xy);
    }

    @Override
    public String toString() {
        return "Stroke[width=" + width + ", points=" + points() + "]";
    }
}
