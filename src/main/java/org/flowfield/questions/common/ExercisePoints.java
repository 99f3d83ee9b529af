package org.flowfield.questions.common;

import org.flowfield.data.OlympicRings;
import org.flowfield.data.Standardization;

/**
 * The default points of the exercise's "probability estimation" (§3.3 Q5) and "reversing the
 * flow" (§4.3 Q5): three inside the logo and two outside, in ORIGINAL coordinates.
 */
public final class ExercisePoints {

    /**
     * Inside: the far left of the blue ring, the top of the black ring, the bottom of the green
     * ring (each on its ring's centre line, distance R from the centre). Outside: the hole of the
     * red ring, and below the logo under the gap between the yellow and green rings.
     */
    private static final double[] ORIGINAL = {-1, 0, 2, 1, 3, -2, 4, 0, 2, -2.5};

    private ExercisePoints() {}

    /** The five points {x0, y0, …} in original coordinates. */
    public static double[] original() {
        return ORIGINAL.clone();
    }

    /** The five points in the standardised coordinates of a run. */
    public static float[] standardised(Standardization standardization) {
        float[] points = new float[ORIGINAL.length];
        for (int i = 0; i < ORIGINAL.length; i += 2) {
            double[] p = standardization.standardize(ORIGINAL[i], ORIGINAL[i + 1]);
            points[i] = (float) p[0];
            points[i + 1] = (float) p[1];
        }
        return points;
    }

    /** Per point (standardised, interleaved): whether it lies in a ring annulus in original coordinates. */
    public static boolean[] insideLogo(float[] standardised, Standardization standardization) {
        boolean[] inside = new boolean[standardised.length / 2];
        for (int i = 0; i < inside.length; i++) {
            double[] p = standardization.toOriginal(standardised[2 * i], standardised[2 * i + 1]);
            inside[i] = OlympicRings.inAnyRing(p[0], p[1]);
        }
        return inside;
    }

    /** Class label of the ring whose centre is nearest each point (original coordinates), e.g. a ring's own for its hole. */
    public static int[] nearestRingLabels(float[] standardised, Standardization standardization) {
        int[] labels = new int[standardised.length / 2];
        for (int i = 0; i < labels.length; i++) {
            double[] p = standardization.toOriginal(standardised[2 * i], standardised[2 * i + 1]);
            int nearest = 0;
            for (int ring = 1; ring < OlympicRings.NUM_RINGS; ring++) {
                if (OlympicRings.distanceToCentre(ring, p[0], p[1]) < OlympicRings.distanceToCentre(nearest, p[0], p[1])) {
                    nearest = ring;
                }
            }
            labels[i] = OlympicRings.labelOfRing(nearest);
        }
        return labels;
    }

    /** Euclidean distance between point i of two interleaved arrays. */
    public static double distance(float[] a, float[] b, int i) {
        return Math.hypot(a[2 * i] - b[2 * i], a[2 * i + 1] - b[2 * i + 1]);
    }
}
