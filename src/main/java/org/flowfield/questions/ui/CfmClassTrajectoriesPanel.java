package org.flowfield.questions.ui;

import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import org.flowfield.data.OlympicRings;
import org.flowfield.questions.cfm.ClassTrajectories;
import org.flowfield.ui.chart.ChartKind;
import org.flowfield.ui.chart.ChartSeries;
import org.flowfield.ui.chart.FlowChart;

/** §4.3 conditional Q2: one sample per class, its path in its class's colour, and whether it reached its ring. */
class CfmClassTrajectoriesPanel extends QuestionPanel {

    final FlowChart chart = QuestionCharts.large("Q2: a point from each class");
    final Span figures = new Span();

    CfmClassTrajectoriesPanel(QuestionContext context) {
        super(context, "Q2: A point from each class", "One standard-normal point (fixed seed) per class, carried by the "
                + "model conditioned on that class (Euler, Δt = 1/1000) from t = 0 (small dot) to t = 1 (large dot); "
                + "each path in its class's ring colour. Standardised coordinates.");
        figures.addClassName("question-figures");
        add(chart, figures);
    }

    @Override
    protected void load() {
        await(context.questions().classTrajectories(context.viewer(), context.run().id(), null), answer -> {
            chart.draw(series(answer));
            figures.setText(verdict(answer));
        });
    }

    static List<ChartSeries> series(ClassTrajectories answer) {
        List<ChartSeries> series = new ArrayList<>();
        int last = answer.paths().times().length - 1;
        for (int i = 0; i < answer.labels().length; i++) {
            float[] path = answer.paths().paths()[i];
            double[] xy = new double[path.length];
            for (int k = 0; k < path.length; k++) {
                xy[k] = path[k];
            }
            String colour = OlympicRings.hexColourOfLabel(answer.labels()[i]);
            String name = OlympicRings.colourOfLabel(answer.labels()[i]);
            series.add(new ChartSeries(name, ChartKind.LINE, colour, xy));
            series.add(ChartSeries.scatter(name + " start", colour, new float[] {path[0], path[1]}).withMarkerSize(3));
            series.add(ChartSeries.scatter(name + " sample", colour, new float[] {path[2 * last], path[2 * last + 1]})
                    .withMarkerSize(7));
        }
        return series;
    }

    static String verdict(ClassTrajectories answer) {
        StringBuilder text = new StringBuilder();
        int reached = 0;
        for (int i = 0; i < answer.labels().length; i++) {
            if (i > 0) {
                text.append(" · ");
            }
            text.append(OlympicRings.colourOfLabel(answer.labels()[i])).append(answer.inOwnRing()[i] ? ": in its ring" : ": not in its ring");
            reached += answer.inOwnRing()[i] ? 1 : 0;
        }
        return reached + " of " + answer.labels().length + " points reached their class's ring. " + text;
    }
}
