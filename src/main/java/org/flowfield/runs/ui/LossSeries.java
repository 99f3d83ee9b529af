package org.flowfield.runs.ui;

import java.util.ArrayList;
import java.util.List;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.LossPoint;
import org.flowfield.ui.chart.ChartLayout;
import org.flowfield.ui.chart.ChartSeries;

/**
 * The training-loss chart's series: the loss, and for normalizing flows its two parts, the mean
 * log-determinant and the mean log p_z (Eq. 9: loss = −(log p_z + log det)).
 */
final class LossSeries {

    static final String LOSS_COLOUR = "#5b6ee1";
    static final String LOG_DET_COLOUR = "#e07b39";
    static final String LOG_PZ_COLOUR = "#3aa17e";

    private LossSeries() {}

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
        series.add(ChartSeries.line(family == ModelFamily.NORMALIZING_FLOW ? "loss (negative log-likelihood)" : "loss",
                LOSS_COLOUR, step, loss));
        if (family == ModelFamily.NORMALIZING_FLOW) {
            series.add(ChartSeries.line("log det", LOG_DET_COLOUR, step, logDet));
            series.add(ChartSeries.line("log p_z", LOG_PZ_COLOUR, step, logPz));
        }
        return series;
    }
}
