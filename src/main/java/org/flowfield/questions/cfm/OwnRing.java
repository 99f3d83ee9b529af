package org.flowfield.questions.cfm;

import org.flowfield.data.OlympicRings;
import org.flowfield.data.Standardization;

/** Whether a point drawn for a class lies in that class's ring (original coordinates, docs/data.md). */
final class OwnRing {

    private OwnRing() {}

    static boolean contains(int label, float x, float y, Standardization standardization) {
        double[] p = standardization.toOriginal(x, y);
        for (int ring = 0; ring < OlympicRings.NUM_RINGS; ring++) {
            if (OlympicRings.labelOfRing(ring) == label) {
                return OlympicRings.inRing(ring, p[0], p[1]);
            }
        }
        throw new IllegalArgumentException("no ring has class " + label);
    }
}
