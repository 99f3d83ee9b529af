package org.flowfield.data;

import java.util.Arrays;

/**
 * The geometry, colours and class labels of the Olympic-rings data sets, as fixed by docs/data.md
 * ("Common constants" and step 3 of the conditional set).
 *
 * <p>Rings are indexed 0..4 in docs/data.md order: blue, black, red, yellow, green. Class labels are a
 * different numbering: the index of the ring's colour name in sorted order, so black = 0, blue = 1,
 * green = 2, red = 3, yellow = 4.
 *
 * <p>All coordinates here are ORIGINAL (unstandardised) coordinates.
 *
 * <p>The public arrays are shared constants: callers must not modify them.
 */
public final class OlympicRings {

    /** Number of rings, and of classes. */
    public static final int NUM_RINGS = 5;

    /** Number of class labels of the conditional data set. */
    public static final int NUM_CLASSES = NUM_RINGS;

    /** Ring centres, shape [5][2], each row {x, y}, in ring order (blue, black, red, yellow, green). */
    public static final double[][] CENTRES = {
        {0.0, 0.0}, {2.0, 0.0}, {4.0, 0.0}, {1.0, -1.0}, {3.0, -1.0}
    };

    /** Ring radius R. */
    public static final double RADIUS = 1.0;

    /** Ring thickness t; each ring is the annulus R - t/2 &lt;= d &lt;= R + t/2. */
    public static final double THICKNESS = 0.25;

    /** Inner radius R - t/2 of every annulus. */
    public static final double INNER_RADIUS = RADIUS - THICKNESS / 2;

    /** Outer radius R + t/2 of every annulus. */
    public static final double OUTER_RADIUS = RADIUS + THICKNESS / 2;

    /** Colour names in ring order, length 5. */
    public static final String[] RING_COLOURS = {"blue", "black", "red", "yellow", "green"};

    /** Colour names in label order (sorted names), length 5: {black, blue, green, red, yellow}. */
    public static final String[] LABEL_COLOURS = sortedCopy(RING_COLOURS);

    /** CSS hex colour per label, length 5, in label order (black, blue, green, red, yellow). */
    public static final String[] LABEL_HEX_COLOURS = {"#000000", "#0081C8", "#00A651", "#EE334E", "#FCB131"};

    private static final int[] LABEL_OF_RING = labelsOfRings();

    private OlympicRings() {
    }

    /** Centre x of a ring (ring order). */
    public static double centreX(int ring) {
        return CENTRES[checkRing(ring)][0];
    }

    /** Centre y of a ring (ring order). */
    public static double centreY(int ring) {
        return CENTRES[checkRing(ring)][1];
    }

    /** The class label of a ring: e.g. ring 0 (blue) has label 1. */
    public static int labelOfRing(int ring) {
        return LABEL_OF_RING[checkRing(ring)];
    }

    /** The colour name of a class label: e.g. label 0 is "black". */
    public static String colourOfLabel(int label) {
        return LABEL_COLOURS[checkLabel(label)];
    }

    /** The CSS hex colour of a class label, for charts: e.g. label 1 (blue) is "#0081C8". */
    public static String hexColourOfLabel(int label) {
        return LABEL_HEX_COLOURS[checkLabel(label)];
    }

    /** Whether (x, y) lies in at least one annulus, boundaries included. */
    public static boolean inAnyRing(double x, double y) {
        return ringContaining(x, y) >= 0;
    }

    /**
     * Whether (x, y) lies in at least one annulus widened by {@code slack} on both edges,
     * i.e. R - t/2 - slack &lt;= d &lt;= R + t/2 + slack. NaN or infinite points are never inside.
     */
    public static boolean inAnyRing(double x, double y, double slack) {
        for (int ring = 0; ring < NUM_RINGS; ring++) {
            if (inRing(ring, x, y, slack)) {
                return true;
            }
        }
        return false;
    }

    /** Whether (x, y) lies in the given ring's annulus, boundaries included. */
    public static boolean inRing(int ring, double x, double y) {
        return inRing(ring, x, y, 0.0);
    }

    /** Whether (x, y) lies in the given ring's annulus widened by {@code slack} on both edges. */
    public static boolean inRing(int ring, double x, double y, double slack) {
        double d = distanceToCentre(ring, x, y);
        return d >= INNER_RADIUS - slack && d <= OUTER_RADIUS + slack;
    }

    /** Euclidean distance from (x, y) to the centre of a ring. */
    public static double distanceToCentre(int ring, double x, double y) {
        double dx = x - centreX(ring);
        double dy = y - centreY(ring);
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** The first ring (ring order) whose annulus contains (x, y), or -1 if none does. */
    public static int ringContaining(double x, double y) {
        for (int ring = 0; ring < NUM_RINGS; ring++) {
            if (inRing(ring, x, y)) {
                return ring;
            }
        }
        return -1;
    }

    private static String[] sortedCopy(String[] names) {
        String[] sorted = names.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    private static int[] labelsOfRings() {
        int[] labels = new int[NUM_RINGS];
        for (int ring = 0; ring < NUM_RINGS; ring++) {
            labels[ring] = Arrays.asList(LABEL_COLOURS).indexOf(RING_COLOURS[ring]);
        }
        return labels;
    }

    private static int checkRing(int ring) {
        if (ring < 0 || ring >= NUM_RINGS) {
            throw new IndexOutOfBoundsException("ring must be in 0.." + (NUM_RINGS - 1) + ", got " + ring);
        }
        return ring;
    }

    private static int checkLabel(int label) {
        if (label < 0 || label >= NUM_CLASSES) {
            throw new IndexOutOfBoundsException("label must be in 0.." + (NUM_CLASSES - 1) + ", got " + label);
        }
        return label;
    }
}
