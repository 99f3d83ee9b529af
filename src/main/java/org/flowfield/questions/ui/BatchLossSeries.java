package org.flowfield.questions.ui;

import java.util.List;
import org.flowfield.ui.chart.ChartLayout;
import org.flowfield.ui.chart.ChartSeries;
import org.flowfield.ui.chart.MinMaxReduction;

/**
 * §4.3 Q1's loss of every training batch (Eq. 16), in step order, as the run recorded it: on the
 * screen reduced to its envelope ({@link MinMaxReduction}), in the CSV download complete
 * ({@link BatchLossCsv}).
 */
final class BatchLossSeries {

    static final String COLOUR = "#5b6ee1";

    private BatchLossSeries() {}

    static ChartLayout layout() {
        return ChartLayout.line("Q1: loss per training batch", "training batch (optimizer step)",
                        "loss (Eq. 16, mean squared error)")
                .withFileName("q1-loss-per-batch");
    }

    /** @param losses the loss of step i + 1 at index i; a long run's reduced to {@link MinMaxReduction#MAX_POINTS} */
    static List<ChartSeries> of(float[] losses) {
        double[] step = new double[losses.length];
        double[] loss = new double[losses.length];
        for (int i = 0; i < losses.length; i++) {
            step[i] = i + 1;
            loss[i] = losses[i];
        }
        return List.of(MinMaxReduction.line("loss", COLOUR, step, loss));
    }
}
