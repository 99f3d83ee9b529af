package org.flowfield.ui.chart;

/** How a chart or a series draws its points. */
public enum ChartKind {
    /** Points joined in order, e.g. a loss curve. */
    LINE,
    /** Unjoined points, e.g. samples of a model. */
    SCATTER;

    String apexName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
