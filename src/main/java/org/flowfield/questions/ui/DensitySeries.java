package org.flowfield.questions.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flowfield.questions.nf.DensityMap;
import org.flowfield.ui.chart.ChartKind;
import org.flowfield.ui.chart.ChartSeries;

/**
 * A density map as a heat-map backdrop: its cells as square markers in a few grey levels of
 * log p(x) below the map's highest value (darker is more likely), cells far below left white.
 */
final class DensitySeries {

    /** Nats below the map's maximum where each level starts, most likely first. */
    static final double[] LEVELS = {1, 2, 4, 8};
    static final String[] COLOURS = {"#6f6f6f", "#9a9a9a", "#c4c4c4", "#e4e4e4"};

    private DensitySeries() {}

    /**
     * @param halfSide a cell's half-width on screen, pixels
     */
    static List<ChartSeries> of(DensityMap map, double halfSide) {
        return of(map, map.logLikelihood(), halfSide);
    }

    /**
     * @param logDensity log p at the map's cells, laid out as {@link DensityMap#logLikelihood()}:
     *     the model's, or the data's own
     * @param halfSide a cell's half-width on screen, pixels
     */
    static List<ChartSeries> of(DensityMap map, double[] logDensity, double halfSide) {
        double top = Arrays.stream(logDensity).filter(Double::isFinite).max().orElse(0);
        List<List<Double>> levels = new ArrayList<>();
        for (int l = 0; l < LEVELS.length; l++) {
            levels.add(new ArrayList<>());
        }
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.columns(); c++) {
                double logP = logDensity[r * map.columns() + c];
                for (int l = 0; l < LEVELS.length; l++) {
                    if (logP >= top - LEVELS[l]) {
                        double[] centre = map.cellCentre(r, c);
                        levels.get(l).add(centre[0]);
                        levels.get(l).add(centre[1]);
                        break;
                    }
                }
            }
        }
        List<ChartSeries> series = new ArrayList<>();
        for (int l = 0; l < LEVELS.length; l++) {
            double[] xy = levels.get(l).stream().mapToDouble(Double::doubleValue).toArray();
            String name = "log p(x) " + (l == 0 ? "≥ " : "in [") + QuestionCharts.number(top - LEVELS[l], 1)
                    + (l == 0 ? "" : ", " + QuestionCharts.number(top - LEVELS[l - 1], 1) + ")");
            series.add(new ChartSeries(name, ChartKind.SCATTER, COLOURS[l], xy).asBackdrop(halfSide));
        }
        return series;
    }
}
