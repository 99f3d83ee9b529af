package org.flowfield.questions.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import org.flowfield.questions.QuestionInputs;
import org.flowfield.questions.fm.TimeQuantization;
import org.flowfield.ui.chart.FlowChart;

/**
 * §4.3 Q4: the model sampled with Euler at several step sizes (editable), one panel each with its
 * in-ring fraction and sliced W2 (docs/figures.md), so that the step size's effect is a number too.
 */
class FmQuantizationPanel extends QuestionPanel {

    final TextField dts = new TextField("Step sizes Δt");
    final Button sample = new Button("Sample");
    final Div panels = QuestionCharts.row();
    final List<FlowChart> charts = new ArrayList<>();
    final List<Span> captions = new ArrayList<>();

    FmQuantizationPanel(QuestionContext context) {
        super(context, "Q4: Time quantization", "The same standard-normal draw integrated with Euler steps of each Δt "
                + "(round(1/Δt) steps from t = 0 to 1). Each panel shows 1,000 of the 10,000 samples; its figures are "
                + "the run figures' in-ring fraction and sliced Wasserstein-2 distance to held-out data over all 10,000. "
                + "Standardised coordinates. Δt from " + QuestionInputs.MIN_DT + " to " + QuestionInputs.MAX_DT + ", up to "
                + QuestionInputs.MAX_DT_VALUES + " values.");
        dts.setValue(join(TimeQuantization.DEFAULT_DTS));
        dts.setWidth("22em");
        dts.setHelperText("numbers separated by commas");
        sample.addClickListener(click -> load());
        HorizontalLayout inputs = new HorizontalLayout(dts, sample);
        inputs.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(inputs, panels);
    }

    @Override
    protected void load() {
        attempt(() -> {
            double[] chosen = Parsing.doubles("step size", dts.getValue());
            panels.removeAll();
            await(context.questions().timeQuantization(context.viewer(), context.run().id(), chosen, progressListener()),
                    this::show);
        });
    }

    private void show(TimeQuantization answer) {
        panels.removeAll();
        charts.clear();
        captions.clear();
        for (int k = 0; k < answer.dts().length; k++) {
            FlowChart chart = QuestionCharts.panel("Q4: " + title(answer.dts()[k], answer.steps()[k]));
            chart.draw(QuestionCharts.samples("samples", answer.panels()[k], answer.panelClasses()));
            Span caption = new Span(figures(answer.inRingFractions()[k], answer.slicedW2()[k]));
            charts.add(chart);
            captions.add(caption);
            panels.add(QuestionCharts.withCaption(chart, caption));
        }
    }

    static String title(double dt, int steps) {
        return "Δt = " + format(dt) + " (" + steps + (steps == 1 ? " step)" : " steps)");
    }

    /** A panel's figures as shown: the in-ring fraction to 3 decimals, sliced W2 to 4. */
    static String figures(double inRing, double slicedW2) {
        return String.format(Locale.ROOT, "in-ring fraction %.3f · sliced W2 %.4f", inRing, slicedW2);
    }

    static String join(double[] values) {
        return DoubleStream.of(values).mapToObj(FmQuantizationPanel::format).collect(Collectors.joining(", "));
    }

    private static String format(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
