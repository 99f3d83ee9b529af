package org.flowfield.datasets.ui;

import org.flowfield.data.PointCloud;
import org.flowfield.datasets.DataSetLimits;
import org.flowfield.ui.chart.ChartLayout;
import org.flowfield.ui.chart.FlowChart;
import org.flowfield.ui.chart.SampleSeries;

/** A scatter of a data set's points, in its own coordinates (a drawing's on the canvas' square). */
class PointsPreview extends FlowChart {

    /** The browser draws at most this many of the points. */
    static final int MAX_SHOWN = 5_000;

    private static final double HALF = DataSetLimits.DRAWING_HALF_WIDTH;

    PointsPreview(String className) {
        super(ChartLayout.scatter("Points", "x", "y").withRange(-HALF, HALF, -HALF, HALF).withHeight(480));
        addClassName(className);
        // the plot area comes out about square beside the 480-pixel canvas
        setWidth("540px");
    }

    /** Shows the points; on the drawing square when {@code onCanvas}, else fitted to them. */
    void show(String title, PointCloud points, boolean onCanvas) {
        ChartLayout layout = ChartLayout.scatter(title, "x", "y").withHeight(480);
        configure(onCanvas ? layout.withRange(-HALF, HALF, -HALF, HALF) : layout);
        draw(SampleSeries.of(title, points.subsample(MAX_SHOWN)));
    }
}
