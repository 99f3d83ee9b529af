package org.flowfield.questions.ui;

import org.flowfield.questions.fm.FlowTrajectories;
import org.flowfield.ui.chart.FlowChart;

/** §4.3 Q3: {@link FlowTrajectories#POINTS} points' forward paths, coloured by t. */
class FmTrajectoriesPanel extends QuestionPanel {

    final FlowChart chart = QuestionCharts.large("Q3: point trajectories, coloured by t");

    FmTrajectoriesPanel(QuestionContext context) {
        super(context, "Q3: Point trajectories", "10 standard-normal points (fixed seed) carried forwards by the model "
                + "(Euler, Δt = 1/1000) from t = 0 to t = 1, coloured by t. Standardised coordinates.");
        add(chart);
    }

    @Override
    protected void load() {
        await(context.questions().flowTrajectories(context.viewer(), context.run().id(), null),
                answer -> chart.draw(QuestionCharts.byTime(answer.paths(), "noise (t = 0)", "sample (t = 1)")));
    }
}
