package org.flowfield.questions.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowfield.data.PointCloud;
import org.flowfield.questions.common.Trajectories;
import org.flowfield.ui.chart.ChartKind;
import org.flowfield.ui.chart.ChartLayout;
import org.flowfield.ui.chart.ChartSeries;
import org.flowfield.ui.chart.FlowChart;
import org.flowfield.ui.chart.SampleSeries;

/**
 * The charts the question panels share: panels over the standardised plane, and trajectories
 * coloured by time (the flow's own clock, 0 at the prior and 1 at the data side).
 */
final class QuestionCharts {

    /** Ten colours from t = 0 (dark purple) to t = 1 (yellow): the viridis scale, readable in grey too. */
    static final String[] TIME_COLOURS = {
        "#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779", "#6ece58", "#b5de2b", "#fde725"
    };
    /** A small panel's size in pixels: about square, so that the standardised plane is not stretched. */
    static final int PANEL_WIDTH = 400;
    static final int PANEL_HEIGHT = 420;
    static final int LARGE_WIDTH = 640;
    static final int LARGE_HEIGHT = 680;

    private QuestionCharts() {}

    /** A small chart over the standardised plane (± {@link SampleSeries#STANDARDISED_HALF_RANGE} on both axes). */
    static FlowChart panel(String title) {
        FlowChart chart = new FlowChart(SampleSeries.standardisedLayout(title).withHeight(PANEL_HEIGHT));
        chart.setWidth(PANEL_WIDTH + "px");
        chart.addClassName("question-chart");
        return chart;
    }

    /** A large chart over the standardised plane. */
    static FlowChart large(String title) {
        FlowChart chart = new FlowChart(SampleSeries.standardisedLayout(title).withHeight(LARGE_HEIGHT));
        chart.setWidth(LARGE_WIDTH + "px");
        chart.addClassName("question-chart");
        return chart;
    }

    /** A large chart over a square box around the given points (interleaved), with a margin. */
    static ChartLayout around(String title, float[]... points) {
        double xMin = -SampleSeries.STANDARDISED_HALF_RANGE;
        double xMax = SampleSeries.STANDARDISED_HALF_RANGE;
        double yMin = xMin;
        double yMax = xMax;
        for (float[] xy : points) {
            for (int i = 0; i + 1 < xy.length; i += 2) {
                if (Float.isFinite(xy[i]) && Float.isFinite(xy[i + 1])) {
                    xMin = Math.min(xMin, xy[i]);
                    xMax = Math.max(xMax, xy[i]);
                    yMin = Math.min(yMin, xy[i + 1]);
                    yMax = Math.max(yMax, xy[i + 1]);
                }
            }
        }
        double half = 0.55 * Math.max(xMax - xMin, yMax - yMin);
        double cx = (xMin + xMax) / 2;
        double cy = (yMin + yMax) / 2;
        return ChartLayout.scatter(title, "x (standardised)", "y (standardised)")
                .withRange(Math.floor(cx - half), Math.ceil(cx + half), Math.floor(cy - half), Math.ceil(cy + half))
                .withHeight(LARGE_HEIGHT);
    }

    /** Charts side by side, wrapping onto the next line when the page is narrow. */
    static Div row(com.vaadin.flow.component.Component... panels) {
        Div row = new Div(panels);
        row.addClassName("question-panels");
        row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)")
                .set("align-items", "flex-start");
        row.setWidthFull();
        return row;
    }

    /** A chart with a line of figures under it. */
    static Div withCaption(FlowChart chart, Span caption) {
        caption.addClassName("question-caption");
        caption.getStyle().set("display", "block").set("max-width", chart.getWidth());
        Div panel = new Div(chart, caption);
        panel.addClassName("question-panel");
        return panel;
    }

    /** Samples as a scatter: one series, or one per class in the ring colours. */
    static List<ChartSeries> samples(String name, float[] xy, int[] labels) {
        return SampleSeries.of(name, new PointCloud(xy, labels));
    }

    /**
     * Paths coloured by time: one line series per tenth of the time range (the legend is the colour
     * scale), holding every path's segments in that tenth, separated by gaps; then the starts and
     * ends as markers.
     *
     * @param startName the legend's name of the paths' first states, e.g. "x (t = 1)" for an inverse
     */
    static List<ChartSeries> byTime(Trajectories paths, String startName, String endName) {
        List<ChartSeries> series = new ArrayList<>(lines(paths));
        int last = paths.times().length - 1;
        series.add(ChartSeries.scatter(startName, timeColour(paths.times()[0]), states(paths, 0)).withMarkerSize(5));
        series.add(ChartSeries.scatter(endName, timeColour(paths.times()[last]), states(paths, last)).withMarkerSize(5));
        return series;
    }

    /** Spacing of the dots that draw a path, standardised units. */
    static final double DOT_SPACING = 0.04;
    /** Most dots per segment between two recorded states. */
    static final int MAX_DOTS_PER_SEGMENT = 40;

    /**
     * The paths coloured by time, without start and end markers (see {@link #byTime}): each path
     * drawn as small dots every {@link #DOT_SPACING} along its segments, one series per tenth of
     * the time range. Dots rather than lines because ApexCharts joins the pieces of a gapped line
     * series across its gaps when lines and scatters share a chart.
     */
    static List<ChartSeries> lines(Trajectories paths) {
        double[] times = paths.times();
        List<List<Double>> bins = new ArrayList<>();
        for (int b = 0; b < TIME_COLOURS.length; b++) {
            bins.add(new ArrayList<>());
        }
        for (float[] path : paths.paths()) {
            for (int k = 0; k + 1 < times.length; k++) {
                double x0 = path[2 * k];
                double y0 = path[2 * k + 1];
                double x1 = path[2 * k + 2];
                double y1 = path[2 * k + 3];
                int dots = Math.clamp((int) Math.ceil(Math.hypot(x1 - x0, y1 - y0) / DOT_SPACING), 1, MAX_DOTS_PER_SEGMENT);
                for (int d = 0; d < dots; d++) {
                    double f = (double) d / dots;
                    bins.get(bin(times[k] + f * (times[k + 1] - times[k]))).add(x0 + f * (x1 - x0));
                    bins.get(bin(times[k] + f * (times[k + 1] - times[k]))).add(y0 + f * (y1 - y0));
                }
            }
        }
        List<ChartSeries> series = new ArrayList<>();
        for (int b = 0; b < bins.size(); b++) {
            double[] xy = bins.get(b).stream().mapToDouble(Double::doubleValue).toArray();
            if (xy.length > 0) {
                series.add(new ChartSeries(String.format(Locale.ROOT, "t %.1f–%.1f", b / 10.0, (b + 1) / 10.0),
                        ChartKind.SCATTER, TIME_COLOURS[b], xy).withMarkerSize(1.5));
            }
        }
        return series;
    }

    /** Every path's state k, interleaved. */
    static float[] states(Trajectories paths, int k) {
        float[] xy = new float[2 * paths.points()];
        for (int i = 0; i < paths.points(); i++) {
            xy[2 * i] = paths.paths()[i][2 * k];
            xy[2 * i + 1] = paths.paths()[i][2 * k + 1];
        }
        return xy;
    }

    static String timeColour(double t) {
        return TIME_COLOURS[bin(t)];
    }

    private static int bin(double t) {
        return Math.clamp((int) Math.floor(t * TIME_COLOURS.length), 0, TIME_COLOURS.length - 1);
    }

    static String number(double value, int decimals) {
        if (value == Double.NEGATIVE_INFINITY) {
            return "−∞";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value).replace('-', '−');
    }
}
