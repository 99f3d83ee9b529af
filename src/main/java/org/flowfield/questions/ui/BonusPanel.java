package org.flowfield.questions.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.flowfield.data.OlympicRings;
import org.flowfield.questions.Coordinates;
import org.flowfield.questions.QuestionInputs;
import org.flowfield.questions.common.Trajectories;
import org.flowfield.questions.fm.TargetedSample;
import org.flowfield.ui.chart.ChartFrame;
import org.flowfield.ui.chart.ChartSeries;
import org.flowfield.ui.chart.FlowChart;

/**
 * §4.3 bonus: "make the model produce this point". The flow is integrated backwards from the
 * target to the noise that the model's own sampler carries there; the sample drawn forwards from
 * that noise is played as an animation, with how close it lands.
 */
class BonusPanel extends QuestionPanel {

    static final String TARGET_COLOUR = "#d62728";
    static final String PATH_COLOUR = "#5b6ee1";
    /** States of the path per animation frame. */
    static final int STATES_PER_FRAME = 5;

    final NumberField x = new NumberField("Target x");
    final NumberField y = new NumberField("Target y");
    final RadioButtonGroup<Coordinates> coordinates = new RadioButtonGroup<>("Coordinates of the target");
    final Select<Integer> label = new Select<>();
    final Button produce = new Button("Produce the point");
    final Paragraph result = new Paragraph();
    FlowChart path;
    FlowChart animation;
    private final HorizontalLayout charts = new HorizontalLayout();

    BonusPanel(QuestionContext context) {
        super(context, "Bonus: make the model produce a point", "Pick a target (the exercise's is (4, 5), far from the "
                + "rings, in the standardised coordinates the model sees; or give it in the rings' original coordinates). "
                + "Flowfield integrates the flow backwards from the target (Euler, Δt = 1/1000) to the noise that the "
                + "model's sampler carries there, refining it until the sample lands within "
                + TargetedSample.TOLERANCE + " original units, then samples forwards from that noise. Charts are in "
                + "standardised coordinates.");
        x.setValue(TargetedSample.DEFAULT_X);
        y.setValue(TargetedSample.DEFAULT_Y);
        for (NumberField field : new NumberField[] {x, y}) {
            field.setMin(-QuestionInputs.MAX_ABS_COORDINATE);
            field.setMax(QuestionInputs.MAX_ABS_COORDINATE);
            field.setWidth("8em");
        }
        coordinates.setItems(Coordinates.STANDARDISED, Coordinates.ORIGINAL);
        coordinates.setItemLabelGenerator(c -> c == Coordinates.STANDARDISED ? "standardised" : "original");
        coordinates.setValue(Coordinates.STANDARDISED);
        label.setLabel("Class");
        label.setItems(IntStream.range(0, OlympicRings.NUM_CLASSES).boxed().toList());
        label.setItemLabelGenerator(OlympicRings::colourOfLabel);
        label.setValue(0);
        label.setVisible(context.run().config().family().conditional());
        produce.addClickListener(click -> load());
        HorizontalLayout inputs = new HorizontalLayout(x, y, coordinates, label, produce);
        inputs.setAlignItems(FlexComponent.Alignment.BASELINE);
        result.addClassName("question-figures");
        charts.getStyle().set("flex-wrap", "wrap");
        add(inputs, result, charts);
    }

    @Override
    protected void load() {
        attempt(() -> {
            if (x.getValue() == null || y.getValue() == null) {
                throw new IllegalArgumentException("give the target's x and y");
            }
            await(context.questions().targetedSample(context.viewer(), context.run().id(), x.getValue(), y.getValue(),
                    coordinates.getValue(), label.getValue(), progressListener()), this::show);
        });
    }

    private void show(TargetedSample answer) {
        result.setText(result(answer));
        charts.removeAll();
        Trajectories trajectory = answer.path();
        float[] everything = trajectory.paths()[0];
        path = new FlowChart(QuestionCharts.around("Bonus: the path to the target, coloured by t", everything, answer.target()));
        path.setWidth(QuestionCharts.PANEL_WIDTH + 60 + "px");
        animation = new FlowChart(QuestionCharts.around("Bonus: the sample, played", everything, answer.target()));
        animation.setWidth(QuestionCharts.PANEL_WIDTH + 60 + "px");
        charts.add(path, animation);
        List<ChartSeries> series = new ArrayList<>(QuestionCharts.byTime(trajectory, "noise (t = 0)", "sample (t = 1)"));
        series.add(target(answer));
        path.draw(series);
        animation.play(frames(answer), 10, 0);
    }

    private static ChartSeries target(TargetedSample answer) {
        return ChartSeries.scatter("target", TARGET_COLOUR, answer.target()).withMarkerSize(7);
    }

    static List<ChartFrame> frames(TargetedSample answer) {
        Trajectories trajectory = answer.path();
        float[] line = trajectory.paths()[0];
        int states = trajectory.times().length;
        List<ChartFrame> frames = new ArrayList<>();
        for (int k = 0; k < states; k += STATES_PER_FRAME) {
            frames.add(frame(answer, line, k));
        }
        if ((states - 1) % STATES_PER_FRAME != 0) {
            frames.add(frame(answer, line, states - 1));
        }
        return frames;
    }

    private static ChartFrame frame(TargetedSample answer, float[] line, int k) {
        double[] x = new double[k + 1];
        double[] y = new double[k + 1];
        for (int i = 0; i <= k; i++) {
            x[i] = line[2 * i];
            y[i] = line[2 * i + 1];
        }
        float[] now = {line[2 * k], line[2 * k + 1]};
        return new ChartFrame(String.format(Locale.ROOT, "t = %.2f", answer.path().times()[k]), List.of(
                ChartSeries.line("path so far", PATH_COLOUR, x, y),
                target(answer),
                ChartSeries.scatter("the sample at t", QuestionCharts.timeColour(answer.path().times()[k]), now).withMarkerSize(5)));
    }

    /** The figures under the bonus: where the sample landed and how far from the target. */
    static String result(TargetedSample answer) {
        double[] original = answer.standardization().toOriginal(answer.sample()[0], answer.sample()[1]);
        return String.format(Locale.ROOT, "The sample lands at (%.4f, %.4f) standardised, (%.4f, %.4f) original: "
                        + "%.2e original units from the target (%s %d refinement%s). The noise is (%.3f, %.3f), "
                        + "log N(noise; 0, I) = %.2f.",
                answer.sample()[0], answer.sample()[1], original[0], original[1], answer.distance(),
                answer.refinements() == 0 ? "no" : "after", answer.refinements(), answer.refinements() == 1 ? "" : "s",
                answer.noise()[0], answer.noise()[1], answer.noiseLogDensity())
                .replace("(no 0 refinements)", "(no refinement needed)");
    }
}
