package org.flowfield.metrics;

/** A learned vector field v(t, x), evaluated at many points at once (a flow-matching model's). */
@FunctionalInterface
public interface VelocityField {

    /**
     * @param xy points, interleaved {@code [x0, y0, ...]}, length 2n
     * @param classes the class of each point for a class-conditional field, else null
     * @param t the time in [0, 1]
     * @return v(t, x) at each point, interleaved, length 2n
     */
    float[] at(float[] xy, int[] classes, double t);
}
