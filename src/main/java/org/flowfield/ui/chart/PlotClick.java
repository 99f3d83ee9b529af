package org.flowfield.ui.chart;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Where a user clicked inside a chart's plot area, in data coordinates, as the browser reports it
 * in a {@code chart-click} event.
 */
public record PlotClick(double x, double y) {

    /** The event data's property holding x. */
    static final String X = "event.detail.x";
    /** The event data's property holding y. */
    static final String Y = "event.detail.y";

    /**
     * The click the event data describes; empty when x or y is missing or not a finite number
     * (data the chart never sends, so a forged event is ignored rather than guessed at).
     */
    public static Optional<PlotClick> from(JsonNode data) {
        if (data == null || !data.isObject()) {
            return Optional.empty();
        }
        JsonNode x = data.get(X);
        JsonNode y = data.get(Y);
        if (!finite(x) || !finite(y)) {
            return Optional.empty();
        }
        return Optional.of(new PlotClick(x.doubleValue(), y.doubleValue()));
    }

    private static boolean finite(JsonNode value) {
        return value != null && value.isNumber() && Double.isFinite(value.doubleValue());
    }
}
