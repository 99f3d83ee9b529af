package org.flowfield.questions.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.flowfield.flows.ModelFamily;
import org.flowfield.questions.reversal.Reversal;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunStatus;
import org.flowfield.ui.chart.FlowChart;

/**
 * §4.3 Q5: the student's points (those of §3.3 Q5) integrated backwards to t = 0, the inverted
 * points sent forwards again, and the distance of each round trip; beside it the same round trip
 * through a chosen normalizing-flow run, so that the two models' invertibility is compared in
 * numbers.
 */
class FmReversalPanel extends QuestionPanel {

    /** One row of the comparison: a point and both models' round trips. */
    record Row(int number, float x, float y, float invertedX, float invertedY, double flowMatchingDistance,
            double normalizingFlowDistance) {}

    final PointPicker picker;
    final Select<Run> normalizingFlow = new Select<>();
    final FlowChart backwards = QuestionCharts.panel("Q5: flow matching, backwards (t = 1 → 0)");
    final FlowChart forwards = QuestionCharts.panel("Q5: flow matching, round trip forwards (t = 0 → 1)");
    final FlowChart inverse = QuestionCharts.panel("Q5: normalizing flow, inverse layer by layer");
    final Grid<Row> table = new Grid<>();
    final Paragraph summary = new Paragraph();
    Reversal flowMatching;
    Reversal normalizing;

    FmReversalPanel(QuestionContext context) {
        super(context, "Q5: Reversing the flow", "Your points of the normalizing flow's Q5, in standardised coordinates, "
                + "integrated backwards from t = 1 to t = 0 (Euler, Δt = 1/1000, Eq. 18), coloured by t; the inverted "
                + "points then re-entered into the forward model. The distance between each start and its round trip is "
                + "in standardised units, beside the same round trip through the normalizing flow you choose.");
        picker = new PointPicker(context, this::compute, this::attempt);
        normalizingFlow.setLabel("Normalizing-flow run to compare");
        normalizingFlow.setItemLabelGenerator(Run::name);
        normalizingFlow.setWidth("22em");
        List<Run> choices = normalizingFlowRuns();
        normalizingFlow.setItems(choices);
        List<java.util.UUID> referenceIds = context.runs().listReference().stream().map(Run::id).toList();
        choices.stream().filter(run -> referenceIds.contains(run.id())).findFirst().or(() -> choices.stream().findFirst()).ifPresent(normalizingFlow::setValue);
        normalizingFlow.addValueChangeListener(change -> compute(currentPoints()));
        table.addColumn(Row::number).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        table.addColumn(row -> QuestionCharts.number(row.x(), 3) + ", " + QuestionCharts.number(row.y(), 3))
                .setHeader("point (x, y)").setAutoWidth(true);
        table.addColumn(row -> QuestionCharts.number(row.invertedX(), 3) + ", " + QuestionCharts.number(row.invertedY(), 3))
                .setHeader("flow matching: inverted (t = 0)").setAutoWidth(true);
        table.addColumn(row -> distance(row.flowMatchingDistance())).setHeader("flow matching: round-trip distance")
                .setAutoWidth(true);
        table.addColumn(row -> distance(row.normalizingFlowDistance())).setHeader("normalizing flow: round-trip distance")
                .setAutoWidth(true);
        table.setAllRowsVisible(true);
        table.addClassName("reversal-table");
        summary.addClassName("question-figures");
        add(picker, normalizingFlow, QuestionCharts.row(backwards, forwards, inverse), table, summary);
    }

    private List<Run> normalizingFlowRuns() {
        return Stream.concat(context.runs().listReference().stream(), context.runs().listOwn(context.viewer()).stream())
                .filter(run -> run.config().family() == ModelFamily.NORMALIZING_FLOW && run.status() == RunStatus.FINISHED)
                .filter(distinctIds())
                .sorted(Comparator.comparing(Run::name))
                .toList();
    }

    private static java.util.function.Predicate<Run> distinctIds() {
        java.util.Set<java.util.UUID> seen = new java.util.HashSet<>();
        return run -> seen.add(run.id());
    }

    @Override
    protected void load() {
        compute(picker.saved());
    }

    private float[] currentPoints() {
        return flowMatching == null ? picker.saved() : flowMatching.points();
    }

    /** Both round trips for these points (null: the exercise's), shown side by side. */
    void compute(float[] points) {
        attempt(() -> await(context.questions().reversal(context.viewer(), context.run().id(), points, null, Double.NaN, null),
                answer -> {
                    flowMatching = answer;
                    picker.shown(answer.points());
                    backwards.draw(QuestionCharts.byTime(answer.inverse(), "your points (t = 1)", "inverted (t = 0)"));
                    forwards.draw(QuestionCharts.byTime(answer.roundTrip(), "inverted (t = 0)", "round trip (t = 1)"));
                    Run nf = normalizingFlow.getValue();
                    if (nf == null) {
                        normalizing = null;
                        inverse.draw(List.of());
                        showTable();
                        return;
                    }
                    attempt(() -> await(context.questions().reversal(context.viewer(), nf.id(), answer.points(), null, Double.NaN,
                            null), nfAnswer -> {
                                normalizing = nfAnswer;
                                inverse.draw(QuestionCharts.byTime(nfAnswer.inverse(), "your points (t = 1)", "z (t = 0)"));
                                showTable();
                            }));
                }));
    }

    private void showTable() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < flowMatching.distances().length; i++) {
            rows.add(new Row(i + 1, flowMatching.points()[2 * i], flowMatching.points()[2 * i + 1],
                    flowMatching.inverted()[2 * i], flowMatching.inverted()[2 * i + 1], flowMatching.distances()[i],
                    normalizing == null ? Double.NaN : normalizing.distances()[i]));
        }
        table.setItems(rows);
        String text = "Largest round-trip distance: flow matching " + distance(max(flowMatching));
        if (normalizing != null) {
            text += ", normalizing flow (" + Objects.requireNonNull(normalizingFlow.getValue()).name() + ") "
                    + distance(max(normalizing));
        }
        summary.setText(text + " (standardised units).");
    }

    private static double max(Reversal reversal) {
        return DoubleStream.of(reversal.distances()).max().orElse(Double.NaN);
    }

    /** A round-trip distance as shown: three significant digits in scientific notation. */
    static String distance(double value) {
        return Double.isNaN(value) ? "–" : String.format(java.util.Locale.ROOT, "%.3e", value);
    }
}
