package org.flowfield.questions.ui;

import java.util.List;
import org.flowfield.runs.LossPoint;
import org.flowfield.ui.chart.FlowChart;

/** §4.3 Q1: the flow-matching loss (Eq. 16) over the training batches. */
class FmLossPanel extends QuestionPanel {

    FlowChart chart;

    FmLossPanel(QuestionContext context) {
        super(context, "Q1: Loss", "The loss of Eq. 16 (the mean squared error between the network's vector field and "
                + "the conditional target y₁ − y₀) over the training batches. The run records the mean loss of each "
                + "window of batches, so each point of the curve is such a mean.");
    }

    @Override
    protected void load() {
        List<LossPoint> points = context.runs().history(context.viewer(), context.run().id()).loss();
        chart = new FlowChart(BatchLossSeries.layout(points));
        chart.addClassName("question-chart");
        add(chart);
        chart.draw(BatchLossSeries.of(points));
    }
}
