package org.flowfield.ui.chart;

import java.util.List;

/** One frame of an animation: what the chart shows at that moment, and its caption. */
public record ChartFrame(String label, List<ChartSeries> series) {

    public ChartFrame {
        series = List.copyOf(series);
    }
}
