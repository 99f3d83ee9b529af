package org.flowfield.data;

import java.util.Arrays;

/**
 * A set of 2-D points, optionally with a class label per point.
 *
 * <p>Layout: {@code xy} is interleaved, {@code [x0, y0, x1, y1, ...]}, length 2n. {@code labels}
 * is either {@code null} (an unconditional set) or has length n, holding class labels as defined
 * in docs/data.md (black = 0, blue = 1, green = 2, red = 3, yellow = 4; see {@link OlympicRings}).
 *
 * <p>The arrays are not copied: a point cloud is only as immutable as its callers leave it.
 *
 * @param xy     interleaved coordinates, length 2n
 * @param labels class labels, length n, or {@code null}
 */
public record PointCloud(float[] xy, int[] labels) {

    public PointCloud {
        if (xy == null) {
            throw new IllegalArgumentException("xy must not be null");
        }
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("xy must hold interleaved (x, y) pairs, got odd length " + xy.length);
        }
        if (labels != null && labels.length != xy.length / 2) {
            throw new IllegalArgumentException(
                "labels must have one entry per point: " + labels.length + " labels for " + xy.length / 2 + " points");
        }
    }

    /** An unconditional point cloud (no labels). */
    public static PointCloud unlabelled(float[] xy) {
        return new PointCloud(xy, null);
    }

    /** Number of points n. */
    public int size() {
        return xy.length / 2;
    }

    /** Whether the points carry class labels. */
    public boolean conditional() {
        return labels != null;
    }

    /** x coordinate of point i. */
    public float x(int i) {
        return xy[2 * i];
    }

    /** y coordinate of point i. */
    public float y(int i) {
        return xy[2 * i + 1];
    }

    /** Class label of point i; only for a conditional cloud. */
    public int label(int i) {
        if (labels == null) {
            throw new IllegalStateException("an unconditional point cloud has no labels");
        }
        return labels[i];
    }

    /** The first {@code max} points (all of them if there are fewer), e.g. for charts. */
    public PointCloud subsample(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative, got " + max);
        }
        if (max >= size()) {
            return this;
        }
        return new PointCloud(
            Arrays.copyOf(xy, 2 * max),
            labels == null ? null : Arrays.copyOf(labels, max));
    }
}
