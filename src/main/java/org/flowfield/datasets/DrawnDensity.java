package org.flowfield.datasets;

import org.flowfield.data.KnownDensity;

/**
 * The density of a drawn data set: uniform under the strokes, in the drawing's own coordinates
 * (not standardised; for a model's standardised coordinates add log(stdX · stdY) to log p).
 * log p = −log(area) on the union of the strokes, −∞ elsewhere, and H = log(area), with the area
 * known to within {@link #area()}'s bounds: H lies in [log lower, log upper].
 */
public final class DrawnDensity implements KnownDensity {

    private final StrokeRegion region;

    public DrawnDensity(StrokeRegion region) {
        this.region = region;
    }

    @Override
    public double logDensity(double x, double y) {
        return region.contains(x, y) ? -entropy() : Double.NEGATIVE_INFINITY;
    }

    @Override
    public boolean inSupport(double x, double y) {
        return region.contains(x, y);
    }

    @Override
    public double entropy() {
        return Math.log(region.area().estimate());
    }

    /** {@code count} points uniform under the strokes, interleaved; the same seed gives the same points. */
    public float[] sample(int count, long seed) {
        return region.sample(count, seed);
    }

    /** The covered area between its exact bounds. */
    public AreaBounds area() {
        return region.area();
    }
}
