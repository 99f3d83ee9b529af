package org.flowfield.gallery.ui;

import org.flowfield.data.PointCloud;
import org.flowfield.ui.chart.ChartLayout;
import org.flowfield.ui.chart.FlowChart;
import org.flowfield.ui.chart.SampleSeries;

/** A small picture of a run's final samples (a few hundred of them), for a gallery row. */
final class RunThumbnail {

    static final int POINTS = 300;
    static final int HEIGHT = 140;

    private RunThumbnail() {}

    static FlowChart of(PointCloud finalSamples) {
        ChartLayout layout = SampleSeries.standardisedLayout("").withHeight(HEIGHT).withFileName("final-samples");
        FlowChart chart = new FlowChart(layout);
        chart.setWidth("160px");
        chart.addClassName("run-thumbnail");
        chart.draw(SampleSeries.of("samples", finalSamples.subsample(POINTS)));
        return chart;
    }
}
