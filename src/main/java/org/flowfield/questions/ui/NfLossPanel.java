package org.flowfield.questions.ui;

import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.flowfield.runs.EpochRecord;
import org.flowfield.ui.chart.ChartLayout;
import org.flowfield.ui.chart.ChartSeries;
import org.flowfield.ui.chart.FlowChart;
import org.flowfield.ui.chart.MinMaxReduction;

/** §3.3 Q1: the validation loss per epoch, with its log-determinant and log p_z parts as separate lines. */
class NfLossPanel extends QuestionPanel {

    static final String LOSS_COLOUR = "#5b6ee1";
    static final String LOG_DET_COLOUR = "#e07b39";
    static final String LOG_PZ_COLOUR = "#3aa17e";

    final FlowChart chart = new FlowChart(ChartLayout.line("Q1: validation loss per epoch", "epoch", "nats per point")
            .withFileName("q1-validation-loss"));
    final Span figures = new Span();

    NfLossPanel(QuestionContext context) {
        super(context, "Q1: Loss", "The validation loss (the mean negative log-likelihood of held-out points, Eq. 9) "
                + "after every epoch, and its two parts: the mean log-determinant of the inverse map and the mean log p_z "
                + "of the inverted points; loss = −(log p_z + log det).");
        chart.addClassName("question-chart");
        figures.addClassName("question-figures");
        add(chart, figures);
    }

    @Override
    protected void load() {
        List<EpochRecord> epochs = context.runs().history(context.viewer(), context.run().id()).epochs();
        chart.draw(series(epochs));
        if (!epochs.isEmpty()) {
            EpochRecord last = epochs.getLast();
            figures.setText("After epoch " + (last.epoch() + 1) + ": validation loss " + QuestionCharts.number(last.validationLoss(), 4)
                    + " · log det " + QuestionCharts.number(last.validationLogDet(), 4)
                    + " · log p_z " + QuestionCharts.number(last.validationLogPz(), 4) + " (nats per point)");
        }
    }

    static List<ChartSeries> series(List<EpochRecord> epochs) {
        int n = epochs.size();
        double[] epoch = new double[n];
        double[] loss = new double[n];
        double[] logDet = new double[n];
        double[] logPz = new double[n];
        for (int i = 0; i < n; i++) {
            EpochRecord record = epochs.get(i);
            epoch[i] = record.epoch() + 1;
            loss[i] = record.validationLoss();
            logDet[i] = record.validationLogDet();
            logPz[i] = record.validationLogPz();
        }
        return List.of(MinMaxReduction.line("validation loss", LOSS_COLOUR, epoch, loss),
                MinMaxReduction.line("log det", LOG_DET_COLOUR, epoch, logDet),
                MinMaxReduction.line("log p_z", LOG_PZ_COLOUR, epoch, logPz));
    }
}
