package org.flowfield.questions.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.flowfield.questions.QuestionInputs;
import org.flowfield.questions.nf.SeedSamples;
import org.flowfield.ui.chart.FlowChart;

/** §3.3 Q2: {@link SeedSamples#POINTS} samples for each of three seeds (editable), side by side. */
class NfSamplesPanel extends QuestionPanel {

    final TextField seeds = new TextField("Seeds");
    final Button sample = new Button("Sample");
    final Div panels = QuestionCharts.row();
    final List<FlowChart> charts = new ArrayList<>();

    NfSamplesPanel(QuestionContext context) {
        super(context, "Q2: Sampling", "1,000 samples of the model for each seed, one pass of the forward map from a "
                + "standard-normal draw with that seed. Standardised coordinates. Change the seeds (1 to "
                + QuestionInputs.MAX_SEEDS + ", different from each other) to see other draws.");
        seeds.setValue(join(SeedSamples.DEFAULT_SEEDS));
        seeds.setHelperText("whole numbers separated by commas");
        sample.addClickListener(click -> load());
        HorizontalLayout inputs = new HorizontalLayout(seeds, sample);
        inputs.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(inputs, panels);
    }

    @Override
    protected void load() {
        attempt(() -> {
            long[] chosen = Parsing.longs("seed", seeds.getValue());
            await(context.questions().seedSamples(context.viewer(), context.run().id(), chosen, null), this::show);
        });
    }

    private void show(SeedSamples answer) {
        panels.removeAll();
        charts.clear();
        for (int s = 0; s < answer.seeds().length; s++) {
            FlowChart chart = QuestionCharts.panel("Q2: seed " + answer.seeds()[s]);
            chart.draw(QuestionCharts.samples("samples", answer.samples()[s], null));
            charts.add(chart);
            panels.add(chart);
        }
    }

    static String join(long[] values) {
        return LongStream.of(values).mapToObj(Long::toString).collect(Collectors.joining(", "));
    }
}
