package org.flowfield.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * One figure of the compared runs.
 *
 * @param figure which figure
 * @param values each run's value, in the order of the comparison; NaN where a run has none (not finished)
 * @param best indices of the runs with the best value (all of them on a tie); empty when fewer than
 *     two runs have a value or when the values are not the same quantity (see {@code note})
 * @param note why no best is marked, or what the numbers are; empty when nothing needs saying
 */
public record FigureRow(Figure figure, List<Double> values, List<Integer> best, String note) {

    public FigureRow {
        values = List.copyOf(values);
        best = List.copyOf(best);
    }

    public boolean isBest(int run) {
        return best.contains(run);
    }

    /** The row with the best values marked: lowest or highest per {@link Figure#higherIsBetter()}, ties all marked. */
    static FigureRow marked(Figure figure, List<Double> values, String note) {
        List<Integer> best = new ArrayList<>();
        long finite = values.stream().filter(Double::isFinite).count();
        if (finite >= 2) {
            double target = figure.higherIsBetter() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            for (double value : values) {
                if (Double.isFinite(value)) {
                    target = figure.higherIsBetter() ? Math.max(target, value) : Math.min(target, value);
                }
            }
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) == target) {
                    best.add(i);
                }
            }
        }
        return new FigureRow(figure, values, best, note);
    }

    /** The row without a best: the values are not the same quantity. */
    static FigureRow unmarked(Figure figure, List<Double> values, String note) {
        return new FigureRow(figure, values, List.of(), note);
    }
}
