package org.flowfield.datasets;

import org.flowfield.data.OlympicRings;

/** The bounds of a user's data set, read by the forms, the checks and their messages alike. */
public final class DataSetLimits {

    /** A data set's name, in UTF-16 code units: the width of its column. */
    public static final int MAX_NAME_LENGTH = 80;

    /** Fewer points than this teach a flow nothing worth measuring. */
    public static final int MIN_POINTS = 100;

    public static final int MAX_POINTS = 20_000;

    /** An uploaded file's size: room for {@link #MAX_POINTS} lines of three long numbers. */
    public static final int MAX_UPLOAD_BYTES = 1_048_576;

    /** Labels run from 0 to this minus one: the models embed this many classes. */
    public static final int MAX_CLASSES = OlympicRings.NUM_CLASSES;

    /** The drawing canvas shows the square [-HALF_WIDTH, HALF_WIDTH]² of the data's coordinates. */
    public static final double DRAWING_HALF_WIDTH = 4.0;

    /** A brush's width (the diameter of its round tip), in the data's coordinates. */
    public static final double MIN_BRUSH_WIDTH = 0.05;

    public static final double MAX_BRUSH_WIDTH = 2.0;

    public static final int MAX_STROKES = 100;

    /** Points along one stroke (the canvas keeps those a few pixels apart). */
    public static final int MAX_STROKE_POINTS = 2_000;

    /** The most problems one upload lists; the rest are counted. */
    public static final int MAX_PROBLEMS_LISTED = 20;

    private DataSetLimits() {}
}
