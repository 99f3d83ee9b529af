package org.flowfield.questions.ui;

import java.util.List;
import java.util.Locale;
import org.flowfield.runs.LossPoint;
import org.flowfield.ui.chart.ChartLayout;
import org.flowfield.ui.chart.ChartSeries;

/**
 * §4.3 Q1's loss over the training batches, from what a run records: the mean loss (Eq. 16) of
 * each window of batches. The only place that knows how the points are stored, so that a record of
 * every batch's loss needs a change here only.
 */
final class BatchLossSeries {

    static final String COLOUR = "#5b6ee1";

    private BatchLossSeries() {}

    /** Batches per recorded point: the step between the first two points (1 when there are fewer). */
    static long window(List<LossPoint> points) {
        return points.size() < 2 ? 1 : Math.max(1, points.get(1).step() - points.get(0).step());
    }

    static ChartLayout layout(List<LossPoint> points) {
        return ChartLayout.line("Q1: loss per training batch",
                        String.format(Locale.ROOT, "training batch (each point: mean of its %d batches)", window(points)),
                        "loss (Eq. 16, mean squared error)")
                .withFileName("q1-loss-per-batch");
    }

    static List<ChartSeries> of(List<LossPoint> points) {
        double[] step = new double[points.size()];
        double[] loss = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            step[i] = points.get(i).step();
            loss[i] = points.get(i).loss();
        }
        return List.of(ChartSeries.line("loss", COLOUR, step, loss));
    }
}
