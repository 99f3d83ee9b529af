package org.flowfield.flows;

import org.flowfield.data.PointCloud;

/** A square grid of cell centres for integrating a density numerically (tests only). */
public final class DensityGrid {

    private final double low;
    private final double cell;
    private final int cells;

    /** Cells of side {@code cell} covering [low, high]² . */
    public DensityGrid(double low, double high, double cell) {
        this.low = low;
        this.cell = cell;
        this.cells = (int) Math.round((high - low) / cell);
    }

    public PointCloud centres(int[] labelOrNull) {
        float[] xy = new float[2 * cells * cells];
        for (int i = 0; i < cells; i++) {
            for (int j = 0; j < cells; j++) {
                int p = i * cells + j;
                xy[2 * p] = (float) (low + (i + 0.5) * cell);
                xy[2 * p + 1] = (float) (low + (j + 0.5) * cell);
            }
        }
        int[] labels = null;
        if (labelOrNull != null) {
            labels = new int[cells * cells];
            java.util.Arrays.fill(labels, labelOrNull[0]);
        }
        return new PointCloud(xy, labels);
    }

    /** Σ p(x) · cell area, the midpoint rule for ∫ p. */
    public double integrate(double[] logDensity) {
        double total = 0;
        for (double value : logDensity) {
            total += Math.exp(value);
        }
        return total * cell * cell;
    }
}
