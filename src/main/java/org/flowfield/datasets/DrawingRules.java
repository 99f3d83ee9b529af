package org.flowfield.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a drawing must be to become a data set: a few strokes of bounded size, on the canvas, and a point count in range. */
final class DrawingRules {

    private DrawingRules() {}

    /**
     * @throws InvalidDataSetException listing what is wrong
     */
    static void requireValid(List<Stroke> strokes, int pointCount) {
        List<String> problems = new ArrayList<>();
        if (strokes == null || strokes.isEmpty()) {
            problems.add("Draw at least one stroke.");
        } else if (strokes.size() > DataSetLimits.MAX_STROKES) {
            problems.add("A drawing has at most " + DataSetLimits.MAX_STROKES + " strokes; this one has " + strokes.size() + ".");
        } else {
            for (int s = 0; s < strokes.size(); s++) {
                problems.addAll(problemsOf(s + 1, strokes.get(s)));
            }
        }
        if (pointCount < DataSetLimits.MIN_POINTS || pointCount > DataSetLimits.MAX_POINTS) {
            problems.add("The number of points must be " + DataSetLimits.MIN_POINTS + " to "
                    + String.format(Locale.ROOT, "%,d", DataSetLimits.MAX_POINTS) + ", not " + pointCount + ".");
        }
        if (!problems.isEmpty()) {
            throw new InvalidDataSetException(problems.subList(0, Math.min(problems.size(), DataSetLimits.MAX_PROBLEMS_LISTED)));
        }
    }

    private static List<String> problemsOf(int number, Stroke stroke) {
        List<String> problems = new ArrayList<>();
        if (!(stroke.width() >= DataSetLimits.MIN_BRUSH_WIDTH && stroke.width() <= DataSetLimits.MAX_BRUSH_WIDTH)) {
            problems.add("Stroke " + number + ": the brush width must be " + DataSetLimits.MIN_BRUSH_WIDTH + " to "
                    + DataSetLimits.MAX_BRUSH_WIDTH + ", not " + stroke.width() + ".");
        }
        if (stroke.points() > DataSetLimits.MAX_STROKE_POINTS) {
            problems.add("Stroke " + number + " has " + stroke.points() + " points; a stroke has at most "
                    + DataSetLimits.MAX_STROKE_POINTS + ".");
        }
        double[] xy = stroke.xy();
        for (double value : xy) {
            if (!(Math.abs(value) <= DataSetLimits.DRAWING_HALF_WIDTH)) {
                problems.add("Stroke " + number + " leaves the canvas: coordinates lie between −" + DataSetLimits.DRAWING_HALF_WIDTH
                        + " and " + DataSetLimits.DRAWING_HALF_WIDTH + ", not " + value + ".");
                break;
            }
        }
        return problems;
    }
}
