package org.flowfield.questions.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.flowfield.ui.chart.FlowChart;
import org.flowfield.ui.chart.MinMaxReduction;

/**
 * §4.3 Q1: the flow-matching loss (Eq. 16) over the training batches: the chart shows a long run's
 * lowest and highest loss per stretch of batches, and the CSV download holds every batch's loss.
 */
class FmLossPanel extends QuestionPanel {

    FlowChart chart;
    /** Writes every batch's loss, read when the download is asked for (so for the viewer, access-checked). */
    final DownloadHandler csv;
    final Anchor download;

    FmLossPanel(QuestionContext context) {
        super(context, "Q1: Loss", "The loss of Eq. 16 (the mean squared error between the network's vector field and "
                + "the conditional target y₁ − y₀) of every training batch, in the order they were trained. A run of "
                + "more than " + MinMaxReduction.MAX_POINTS + " batches is drawn as the lowest and highest loss of each "
                + "stretch of batches; the CSV holds every batch.");
        csv = event -> {
            float[] losses = context.runs().batchLosses(context.viewer(), context.run().id());
            event.setFileName(BatchLossCsv.FILE_NAME);
            event.setContentType("text/csv; charset=UTF-8");
            BatchLossCsv.write(losses, event.getOutputStream());
        };
        download = new Anchor(csv, "Download every batch's loss (CSV)");
        download.addClassName("batch-loss-csv");
    }

    @Override
    protected void load() {
        float[] losses = context.runs().batchLosses(context.viewer(), context.run().id());
        chart = new FlowChart(BatchLossSeries.layout());
        chart.addClassName("question-chart");
        add(chart, download);
        chart.draw(BatchLossSeries.of(losses));
    }
}
