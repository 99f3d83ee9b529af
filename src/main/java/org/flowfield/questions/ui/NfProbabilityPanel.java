package org.flowfield.questions.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.ArrayList;
import java.util.List;
import org.flowfield.questions.QuestionInputs;
import org.flowfield.questions.nf.DensityMap;
import org.flowfield.questions.nf.ProbabilityEstimate;
import org.flowfield.ui.chart.ChartSeries;
import org.flowfield.ui.chart.FlowChart;

/**
 * §3.3 Q5: the student's points (standardised; by default three inside the logo and two outside)
 * taken back through the flow layer by layer, coloured by time, each with its log p(x) and whether
 * it lies inside the logo, over a heat map of log p(x).
 */
class NfProbabilityPanel extends QuestionPanel {

    static final String INSIDE_COLOUR = "#d62728";
    static final String OUTSIDE_COLOUR = "#1f77b4";
    /** Half a heat-map cell on the large chart, pixels. */
    static final double CELL_HALF_SIDE = 3.2;

    /** The map choice that shows the data's own density behind the points. */
    static final String TRUE_MAP = "the data's true log p(x)";
    static final String MODEL_MAP = "the model's log p(x)";

    /**
     * One row of the table: a point, standardised, with its answer.
     *
     * @param trueLogDensity the data's own log p(x) there; NaN when the data's density is not known
     */
    record Row(int number, float x, float y, boolean insideLogo, double logLikelihood, double trueLogDensity) {}

    final FlowChart chart = QuestionCharts.large("Q5: inverse trajectories over log p(x)");
    final Grid<Row> table = new Grid<>();
    final Paragraph summary = new Paragraph();
    final PointPicker picker;
    final RadioButtonGroup<String> mapChoice = new RadioButtonGroup<>("Map behind the points");
    final Grid.Column<Row> trueColumn;
    ProbabilityEstimate estimate;
    DensityMap map;
    List<ChartSeries> backdrop = List.of();

    NfProbabilityPanel(QuestionContext context) {
        super(context, "Q5: Probability estimation", "Your points, in standardised coordinates (the ones the model "
                + "sees): click the chart or type x and y to add one (up to " + QuestionInputs.MAX_POINTS + "). Each is "
                + "taken back through the flow layer by layer to the prior, coloured by time (t = 1 at x, t = 0 at z), "
                + "with its log p(x) by the change of variables (nats, standardised coordinates). The grey map behind is "
                + "log p(x) over the plane, darker where the model finds points more likely; where the data's density is "
                + "known exactly, the table also gives the true log p(x) and the map can show it instead. Your points are kept for "
                + "your other runs and for Q5 of flow matching.");
        picker = new PointPicker(context, this::compute, this::attempt);
        table.addColumn(Row::number).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        table.addColumn(row -> QuestionCharts.number(row.x(), 3)).setHeader("x").setAutoWidth(true);
        table.addColumn(row -> QuestionCharts.number(row.y(), 3)).setHeader("y").setAutoWidth(true);
        table.addColumn(row -> row.insideLogo() ? "inside" : "outside").setHeader("Logo").setAutoWidth(true);
        table.addColumn(row -> logP(row.logLikelihood())).setHeader("log p(x)").setAutoWidth(true);
        trueColumn = table.addColumn(row -> logP(row.trueLogDensity())).setHeader("true log p(x)").setAutoWidth(true);
        trueColumn.setVisible(false);
        table.addComponentColumn(row -> {
            Button remove = new Button("Remove", click -> attempt(() -> picker.remove(row.number() - 1)));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            remove.setEnabled(picker.count() > 1);
            return remove;
        }).setAutoWidth(true);
        table.setAllRowsVisible(true);
        table.setWidth("640px");
        table.addClassName("probability-table");
        summary.addClassName("question-figures");
        chart.addPlotClickListener((x, y) -> attempt(() -> picker.add(x, y)));
        mapChoice.setItems(MODEL_MAP, TRUE_MAP);
        mapChoice.setValue(MODEL_MAP);
        mapChoice.setVisible(false);
        mapChoice.addClassName("density-map-choice");
        mapChoice.addValueChangeListener(change -> showBackdrop());
        add(picker, mapChoice, QuestionCharts.row(chart, table), summary);
    }

    @Override
    protected void load() {
        compute(picker.saved());
        await(context.questions().densityMap(context.viewer(), context.run().id(), progressListener()), this::showDensity);
    }

    /** Answers for these points (null: the exercise's) and shows them. */
    void compute(float[] points) {
        attempt(() -> await(context.questions().probabilityEstimate(context.viewer(), context.run().id(), points, null),
                this::showEstimate));
    }

    private void showDensity(DensityMap answer) {
        map = answer;
        mapChoice.setVisible(answer.trueLogDensity() != null);
        showBackdrop();
    }

    /** The model's map, or the data's own where it is known and chosen. */
    private void showBackdrop() {
        if (map == null) {
            return;
        }
        boolean truth = TRUE_MAP.equals(mapChoice.getValue()) && map.trueLogDensity() != null;
        backdrop = DensitySeries.of(map, truth ? map.trueLogDensity() : map.logLikelihood(), CELL_HALF_SIDE);
        redraw();
    }

    private void showEstimate(ProbabilityEstimate answer) {
        estimate = answer;
        picker.shown(answer.points());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < answer.logLikelihood().length; i++) {
            rows.add(new Row(i + 1, answer.points()[2 * i], answer.points()[2 * i + 1], answer.insideLogo()[i],
                    answer.logLikelihood()[i], answer.trueLogDensity() == null ? Double.NaN : answer.trueLogDensity()[i]));
        }
        trueColumn.setVisible(answer.trueLogDensity() != null);
        table.setItems(rows);
        summary.setText(summary(rows));
        redraw();
    }

    private void redraw() {
        List<ChartSeries> series = new ArrayList<>(backdrop);
        if (estimate != null) {
            series.addAll(QuestionCharts.lines(estimate.inverse()));
            series.add(ChartSeries.scatter("your points, inside the logo", INSIDE_COLOUR, pick(estimate, true)).withMarkerSize(6));
            series.add(ChartSeries.scatter("your points, outside", OUTSIDE_COLOUR, pick(estimate, false)).withMarkerSize(6));
            series.add(ChartSeries.scatter("z = f⁻¹(x) (t = 0)", QuestionCharts.TIME_COLOURS[0],
                    QuestionCharts.states(estimate.inverse(), estimate.inverse().times().length - 1)).withMarkerSize(4));
        }
        chart.draw(series);
    }

    private static float[] pick(ProbabilityEstimate answer, boolean inside) {
        List<Float> xy = new ArrayList<>();
        for (int i = 0; i < answer.insideLogo().length; i++) {
            if (answer.insideLogo()[i] == inside) {
                xy.add(answer.points()[2 * i]);
                xy.add(answer.points()[2 * i + 1]);
            }
        }
        float[] out = new float[xy.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = xy.get(i);
        }
        return out;
    }

    /** log p(x) as the table shows it: 3 decimals, nats. */
    static String logP(double value) {
        return QuestionCharts.number(value, 3);
    }

    static String summary(List<Row> rows) {
        double insideSum = 0;
        double outsideSum = 0;
        int inside = 0;
        int outside = 0;
        for (Row row : rows) {
            if (row.insideLogo()) {
                insideSum += row.logLikelihood();
                inside++;
            } else {
                outsideSum += row.logLikelihood();
                outside++;
            }
        }
        String text = inside + " of your " + rows.size() + " points lie inside the logo (in a ring), "
                + outside + " outside.";
        if (inside > 0 && outside > 0) {
            double meanInside = insideSum / inside;
            double meanOutside = outsideSum / outside;
            text += " Mean log p(x): " + logP(meanInside) + " inside, " + logP(meanOutside) + " outside; the points inside "
                    + "the logo are " + (meanInside > meanOutside ? "more" : "less") + " likely.";
        }
        return text;
    }
}
