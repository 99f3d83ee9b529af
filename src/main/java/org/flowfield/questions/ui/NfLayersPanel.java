package org.flowfield.questions.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import java.util.ArrayList;
import java.util.List;
import org.flowfield.questions.nf.LayerProgression;
import org.flowfield.ui.chart.ChartFrame;
import org.flowfield.ui.chart.FlowChart;

/**
 * §3.3 Q3: {@link LayerProgression#POINTS} points after the input and after every fifth of the
 * coupling layers (six panels), and the same points layer by layer as an animation.
 */
class NfLayersPanel extends QuestionPanel {

    /** Layers the animation shows per second. */
    static final double LAYERS_PER_SECOND = 3;

    final Div panels = QuestionCharts.row();
    final List<FlowChart> charts = new ArrayList<>();
    final FlowChart animation = QuestionCharts.panel("Q3: layer by layer");

    NfLayersPanel(QuestionContext context) {
        super(context, "Q3: Sampling over time", "The same 1,000 standard-normal points (fixed seed) after the input "
                + "and after every fifth of the coupling layers, then as an animation through every layer. "
                + "Standardised coordinates.");
        animation.setWidth(QuestionCharts.LARGE_WIDTH + "px");
        add(panels, new H4("Animation, layer by layer"), animation);
    }

    @Override
    protected void load() {
        await(context.questions().layerProgression(context.viewer(), context.run().id(), null), this::show);
    }

    private void show(LayerProgression answer) {
        for (int layer : answer.panelLayers()) {
            FlowChart chart = QuestionCharts.panel("Q3: " + label(layer, answer.layers()));
            chart.draw(QuestionCharts.samples("points", answer.states()[layer], null));
            charts.add(chart);
            panels.add(chart);
        }
        List<ChartFrame> frames = new ArrayList<>();
        for (int layer = 0; layer <= answer.layers(); layer++) {
            frames.add(new ChartFrame(label(layer, answer.layers()), QuestionCharts.samples("points", answer.states()[layer], null)));
        }
        animation.play(frames, LAYERS_PER_SECOND, 0);
    }

    static String label(int layer, int layers) {
        return layer == 0 ? "input z (layer 0 of " + layers + ")" : "after layer " + layer + " of " + layers;
    }
}
