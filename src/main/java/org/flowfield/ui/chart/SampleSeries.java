package org.flowfield.ui.chart;

import java.util.ArrayList;
import java.util.List;
import org.flowfield.data.OlympicRings;
import org.flowfield.data.PointCloud;

/**
 * Scatter series of 2-D points: one series in the product's colour for unlabelled points, or one
 * per class in the ring colours of docs/data.md for labelled ones.
 */
public final class SampleSeries {

    /** The colour of unlabelled samples. */
    public static final String SAMPLE_COLOUR = "#5b6ee1";

    /** Standardised data lie within this many units of the origin; plots of samples use ± this range. */
    public static final double STANDARDISED_HALF_RANGE = 3.0;

    private SampleSeries() {}

    public static List<ChartSeries> of(String name, PointCloud points) {
        if (!points.conditional()) {
            return List.of(ChartSeries.scatter(name, SAMPLE_COLOUR, points.xy()));
        }
        List<ChartSeries> series = new ArrayList<>();
        for (int label = 0; label < OlympicRings.NUM_CLASSES; label++) {
            float[] xy = ofClass(points, label);
            if (xy.length > 0) {
                series.add(ChartSeries.scatter(OlympicRings.colourOfLabel(label), OlympicRings.hexColourOfLabel(label), xy));
            }
        }
        return series;
    }

    /** A scatter layout over the standardised plane (both axes ± {@link #STANDARDISED_HALF_RANGE}). */
    public static ChartLayout standardisedLayout(String title) {
        return ChartLayout.scatter(title, "x (standardised)", "y (standardised)")
                .withRange(-STANDARDISED_HALF_RANGE, STANDARDISED_HALF_RANGE, -STANDARDISED_HALF_RANGE, STANDARDISED_HALF_RANGE);
    }

    private static float[] ofClass(PointCloud points, int label) {
        int count = 0;
        for (int i = 0; i < points.size(); i++) {
            if (points.label(i) == label) {
                count++;
            }
        }
        float[] xy = new float[2 * count];
        int j = 0;
        for (int i = 0; i < points.size(); i++) {
            if (points.label(i) == label) {
                xy[j++] = points.x(i);
                xy[j++] = points.y(i);
            }
        }
        return xy;
    }
}
