package org.flowfield.questions.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.Locale;
import org.flowfield.data.OlympicRings;
import org.flowfield.questions.QuestionInputs;
import org.flowfield.questions.cfm.ClassSamples;
import org.flowfield.ui.chart.FlowChart;

/** §4.3 conditional Q3: samples coloured by class, with each class's share that lands in its own ring. */
class CfmSamplesPanel extends QuestionPanel {

    final IntegerField count = new IntegerField("Samples");
    final Button sample = new Button("Sample");
    final FlowChart chart = QuestionCharts.large("Q3: samples by class");
    final Span figures = new Span();

    CfmSamplesPanel(QuestionContext context) {
        super(context, "Q3: Sampling", "Samples of the model with classes cycling black, blue, green, red, yellow "
                + "(Euler, Δt = 1/1000), each in its class's ring colour, and per class the share that lands in its own "
                + "ring. Standardised coordinates.");
        count.setValue(ClassSamples.DEFAULT_COUNT);
        count.setMin(QuestionInputs.MIN_CLASS_SAMPLES);
        count.setMax(QuestionInputs.MAX_CLASS_SAMPLES);
        sample.addClickListener(click -> load());
        HorizontalLayout inputs = new HorizontalLayout(count, sample);
        inputs.setAlignItems(FlexComponent.Alignment.BASELINE);
        figures.addClassName("question-figures");
        add(inputs, chart, figures);
    }

    @Override
    protected void load() {
        attempt(() -> {
            if (count.getValue() == null) {
                throw new IllegalArgumentException("give the number of samples");
            }
            await(context.questions().classSamples(context.viewer(), context.run().id(), count.getValue(), progressListener()),
                    answer -> {
                        chart.draw(QuestionCharts.samples("samples", answer.samples(), answer.labels()));
                        figures.setText(shares(answer));
                    });
        });
    }

    static String shares(ClassSamples answer) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%,d samples. In their own ring: ", answer.labels().length));
        for (int label = 0; label < answer.ownRingShare().length; label++) {
            text.append(String.format(Locale.ROOT, "%s %.1f%% · ", OlympicRings.colourOfLabel(label), 100 * answer.ownRingShare()[label]));
        }
        return text.append(String.format(Locale.ROOT, "mean %.1f%%.", 100 * answer.meanOwnRingShare())).toString();
    }
}
