package org.flowfield.questions.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowfield.questions.fm.FlowProgression;
import org.flowfield.ui.chart.ChartFrame;
import org.flowfield.ui.chart.FlowChart;

/** §4.3 Q2: {@link FlowProgression#POINTS} points at t = 0, 0.2, …, 1, and the flow as an animation from t = 0 to 1. */
class FmProgressionPanel extends QuestionPanel {

    static final double FRAMES_PER_SECOND = 10;

    final Div panels = QuestionCharts.row();
    final List<FlowChart> charts = new ArrayList<>();
    final FlowChart animation = QuestionCharts.panel("Q2: from t = 0 to 1");

    FmProgressionPanel(QuestionContext context) {
        super(context, "Q2: Flow progression", "The same 1,000 standard-normal points (fixed seed) integrated as the "
                + "model samples (Euler, Δt = 1/1000, Algorithm 2), shown at t = 0, 0.2, 0.4, 0.6, 0.8 and 1, then as an "
                + "animation every Δt = 0.02. Standardised coordinates.");
        animation.setWidth(QuestionCharts.LARGE_WIDTH + "px");
        add(panels, new H4("Animation from t = 0 to 1"), animation);
    }

    @Override
    protected void load() {
        attempt(() -> await(context.questions().flowProgression(context.viewer(), context.run().id(), progressListener()),
                this::show));
    }

    private void show(FlowProgression answer) {
        panels.removeAll();
        charts.clear();
        for (int frame : answer.panelFrames()) {
            FlowChart chart = QuestionCharts.panel("Q2: " + label(answer.frameTimes()[frame]));
            chart.draw(QuestionCharts.samples("points", answer.frames()[frame], answer.classes()));
            charts.add(chart);
            panels.add(chart);
        }
        List<ChartFrame> frames = new ArrayList<>();
        for (int k = 0; k < answer.frames().length; k++) {
            frames.add(new ChartFrame(label(answer.frameTimes()[k]), QuestionCharts.samples("points", answer.frames()[k], answer.classes())));
        }
        animation.play(frames, FRAMES_PER_SECOND, 0);
    }

    static String label(double t) {
        return String.format(Locale.ROOT, "t = %.2f", t).replaceFirst("0$", "");
    }
}
