package org.flowfield.questions.ui;

import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import org.flowfield.questions.cfm.ClassInput;
import org.flowfield.ui.chart.FlowChart;

/** §4.3 conditional Q1: the training input coloured by class, in the ring colours. */
class CfmInputPanel extends QuestionPanel {

    final FlowChart chart = QuestionCharts.large("Q1: the training input by class");
    final Span figures = new Span();

    CfmInputPanel(QuestionContext context) {
        super(context, "Q1: Plotting the input", "An evenly spaced subset of the run's own training points, each in the "
                + "colour of its ring's class (blue, black, red, yellow, green). Standardised coordinates.");
        figures.addClassName("question-figures");
        add(chart, figures);
    }

    @Override
    protected void load() {
        await(context.questions().classInput(context.viewer(), context.run().id(), null), answer -> {
            chart.draw(QuestionCharts.samples("input", answer.points(), answer.labels()));
            figures.setText(String.format(Locale.ROOT, "%,d of the run's %,d training points.", answer.labels().length,
                    answer.trainingPoints()));
        });
    }
}
