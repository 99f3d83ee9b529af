package org.flowfield.questions.ui;

import org.flowfield.questions.nf.LayerTrajectories;
import org.flowfield.ui.chart.FlowChart;

/** §3.3 Q4: {@link LayerTrajectories#POINTS} samples through every coupling layer, coloured by layer (time). */
class NfTrajectoriesPanel extends QuestionPanel {

    final FlowChart chart = QuestionCharts.large("Q4: sampling trajectories, coloured by layer (time)");

    NfTrajectoriesPanel(QuestionContext context) {
        super(context, "Q4: Sampling trajectories", "10 standard-normal points (fixed seed) followed through every "
                + "coupling layer: time k / L after layer k of L, from the prior z (t = 0) to the sample x (t = 1). "
                + "Standardised coordinates.");
        add(chart);
    }

    @Override
    protected void load() {
        await(context.questions().layerTrajectories(context.viewer(), context.run().id(), null),
                answer -> chart.draw(QuestionCharts.byTime(answer.paths(), "z (t = 0)", "x (t = 1)")));
    }
}
