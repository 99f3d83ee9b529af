package org.flowfield.questions.nf;

import java.util.Optional;
import java.util.function.DoubleConsumer;
import org.flowfield.data.OlympicRings;
import org.flowfield.data.Standardization;
import org.flowfield.flows.nf.CouplingFlow;
import org.flowfield.metrics.DataDensity;

/**
 * log p(x) of a normalizing flow on a grid over the plane around the data, for a heat map behind
 * §3.3 Q5's points.
 *
 * <p>The box is the rings' bounding box in original coordinates (x in [−1.125, 5.125], y in
 * [−2.125, 1.125]) mapped to standardised coordinates and widened by {@link #MARGIN} of its size on
 * every side.
 *
 * @param standardization the run's training statistics
 * @param xMin left edge of the grid, standardised
 * @param xMax right edge
 * @param yMin bottom edge
 * @param yMax top edge
 * @param columns cells across
 * @param rows cells up
 * @param logLikelihood log p at cell centres, nats, standardised coordinates, row-major from the
 *     bottom row: entry r · columns + c is at (xMin + (c + ½)·(xMax − xMin)/columns,
 *     yMin + (r + ½)·(yMax − yMin)/rows); −∞ where the density is 0 to double precision
 * @param trueLogDensity the data's own log p at the same cell centres, laid out alike (−∞ outside its
 *     support), for the map of the truth beside the model's; null when the data's density is not known
 */
public record DensityMap(
        Standardization standardization, double xMin, double xMax, double yMin, double yMax, int columns, int rows,
        double[] logLikelihood, double[] trueLogDensity) {

    public static final int COLUMNS = 100;
    public static final int ROWS = 60;
    public static final double MARGIN = 0.1;
    /** Rows evaluated per call of the flow, so that progress moves in steps of 1/10. */
    private static final int ROWS_PER_CHUNK = 6;

    public static DensityMap of(CouplingFlow flow, Standardization standardization, Optional<DataDensity> density,
            DoubleConsumer progress) {
        double reach = OlympicRings.OUTER_RADIUS;
        double[] low = standardization.standardize(-reach, -1 - reach);
        double[] high = standardization.standardize(4 + reach, reach);
        double marginX = MARGIN * (high[0] - low[0]);
        double marginY = MARGIN * (high[1] - low[1]);
        double xMin = low[0] - marginX;
        double xMax = high[0] + marginX;
        double yMin = low[1] - marginY;
        double yMax = high[1] + marginY;
        double[] logP = new double[COLUMNS * ROWS];
        for (int from = 0; from < ROWS; from += ROWS_PER_CHUNK) {
            int to = Math.min(ROWS, from + ROWS_PER_CHUNK);
            float[] centres = new float[2 * COLUMNS * (to - from)];
            for (int r = from; r < to; r++) {
                for (int c = 0; c < COLUMNS; c++) {
                    int i = (r - from) * COLUMNS + c;
                    centres[2 * i] = (float) (xMin + (c + 0.5) * (xMax - xMin) / COLUMNS);
                    centres[2 * i + 1] = (float) (yMin + (r + 0.5) * (yMax - yMin) / ROWS);
                }
            }
            double[] chunk = flow.inverseLayers(centres).logLikelihood();
            System.arraycopy(chunk, 0, logP, from * COLUMNS, chunk.length);
            progress.accept((double) to / ROWS);
        }
        DensityMap map = new DensityMap(standardization, xMin, xMax, yMin, yMax, COLUMNS, ROWS, logP, null);
        return density.map(map::withTruth).orElse(map);
    }

    private DensityMap withTruth(DataDensity density) {
        double[] truth = new double[columns * rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                double[] centre = cellCentre(r, c);
                truth[r * columns + c] = density.logDensity(centre[0], centre[1], 0);
            }
        }
        return new DensityMap(standardization, xMin, xMax, yMin, yMax, columns, rows, logLikelihood, truth);
    }

    /** The centre of cell (row, column), standardised: {x, y}. */
    public double[] cellCentre(int row, int column) {
        return new double[] {
            xMin + (column + 0.5) * (xMax - xMin) / columns, yMin + (row + 0.5) * (yMax - yMin) / rows
        };
    }
}
