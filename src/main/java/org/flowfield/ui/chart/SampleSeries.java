package org.flowfield.ui.chart;

import java.util.ArrayList;
import java.util.List;
import org.flowfield.data.DataSet;
import org.flowfield.data.OlympicRings;
import org.flowfield.data.PointCloud;

/**
 * Scatter series of 2-D points: one series in the product's colour for unlabelled points, or one
 * per class for labelled ones, in the ring colours of docs/data.md for the rings and in the data
 * set's class colours otherwise.
 */
public final class SampleSeries {

    /** The colour of unlabelled samples. */
    public static final String SAMPLE_COLOUR = "#5b6ee1";

    /** Standardised data lie within this many units of the origin; plots of samples use ± this range. */
    public static final double STANDARDISED_HALF_RANGE = 3.0;

    private SampleSeries() {}

    /**
     * Series of points whose data set the caller does not know: ring colours for labels 0..4, as on
     * every page before other data sets existed; a label of 5 or more cannot be a ring's, and then
     * every class gets the generic class colours.
     */
    public static List<ChartSeries> of(String name, PointCloud points) {
        boolean ringLabels = !points.conditional() || java.util.Arrays.stream(points.labels()).allMatch(
                label -> label >= 0 && label < OlympicRings.NUM_CLASSES);
        return of(name, points, ringLabels ? DataSet.RINGS : DataSet.EIGHT_GAUSSIANS);
    }

    /** Series of points of a data set, coloured by its classes. */
    public static List<ChartSeries> of(String name, PointCloud points, DataSet dataSet) {
        if (!points.conditional()) {
            return List.of(ChartSeries.scatter(name, SAMPLE_COLOUR, points.xy()));
        }
        List<ChartSeries> series = new ArrayList<>();
        for (int label = 0; label < dataSet.classes(); label++) {
            float[] xy = ofClass(points, label);
            if (xy.length > 0) {
                series.add(ChartSeries.scatter(dataSet.className(label), dataSet.classHexColour(label), xy));
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
