package org.flowfield.questions.ui;

import org.flowfield.ui.chart.FlowChart;

/** §4.3 Q1: the flow-matching loss (Eq. 16) over the training batches. */
class FmLossPanel extends QuestionPanel {

    FlowChart chart;

    FmLossPanel(QuestionContext context) {
        super(context, "Q1: Loss", "The loss of Eq. 16 (the mean squared error between the network's vector field and "
                + "the conditional target y₁ − y₀) of every training batch, in the order they were trained.");
    }

    @Override
    protected void load() {
        float[] losses = context.runs().batchLosses(context.viewer(), context.run().id());
        chart = new FlowChart(BatchLossSeries.layout());
        chart.addClassName("question-chart");
        add(chart);
        chart.draw(BatchLossSeries.of(losses));
    }
}
