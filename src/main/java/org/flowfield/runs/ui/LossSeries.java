package org.flowfield.runs.ui;

import java.util.ArrayList;
import java.util.List;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.LossPoint;
import org.flowfield.ui.chart.ChartLayout;
import org.flowfield.ui.chart.ChartSeries;
import org.flowfield.ui.chart.MinMaxReduction;

/**
 * The training-loss chart's series: the loss, and for normalizing flows its two parts, the mean
 * log-determinant and the mean log p_z (Eq. 9: loss = −(log p_z + log det)), each reduced to at
 * most {@link MinMaxReduction#MAX_POINTS} points ({@link MinMaxReduction}), however long the run.
 */
final class LossSeries {

    static final String LOSS_COLOUR = "#5b6ee1";
    static final String LOG_DET_COLOUR = "#e07b39";
    static final String LOG_PZ_COLOUR = "#3aa17e";

    private LossSeries() {}

    /**
     * A live chart is redrawn once the run has added this fraction (1/n) of the points drawn, so
     * that a long run costs each viewer O(log points) redraws of at most MAX_POINTS points each,
     * not one redraw per progress report.
     */
    static final int LIVE_REDRAW_GROWTH = 50;

    /** Whether a live chart showing {@code drawn} points (-1: none yet) should be redrawn now that there are {@code now}. */
    static boolean liveRedrawDue(int drawn, int now) {
        return drawn < 0 || now < drawn || now - drawn >= Math.max(1, drawn / LIVE_REDRAW_GROWTH);
    }

    static ChartLayout layout(ModelFamily family) {
        String quantity = family == ModelFamily.NORMALIZING_FLOW ? "nats per point" : "mean squared error";
        return ChartLayout.line("Training loss", "step", quantity);
    }

    static List<ChartSeries> of(ModelFamily family, List<LossPoint> points) {
        int n = points.size();
        double[] step = new double[n];
        double[] loss = new double[n];
        double[] logDet = new double[n];
        double[] logPz = new double[n];
        for (int i = 0; i < n; i++) {
            LossPoint point = points.get(i);
            step[i] = point.step();
            loss[i] = point.loss();
            logDet[i] = point.logDet();
            logPz[i] = point.logPz();
        }
        List<ChartSeries> series = new ArrayList<>();
        series.add(MinMaxReduction.line(family == ModelFamily.NORMALIZING_FLOW ? "loss (negative log-likelihood)" : "loss",
                LOSS_COLOUR, step, loss));
        if (family == ModelFamily.NORMALIZING_FLOW) {
            series.add(MinMaxReduction.line("log det", LOG_DET_COLOUR, step, logDet));
            series.add(MinMaxReduction.line("log p_z", LOG_PZ_COLOUR, step, logPz));
        }
        return series;
    }
}
