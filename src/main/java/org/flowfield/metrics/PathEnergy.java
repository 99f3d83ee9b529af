package org.flowfield.metrics;

/**
 * docs/figures.md "normalized path energy" (Tong et al., "Simulation-free Schrödinger bridges via
 * score and flow matching", AISTATS 2024): how much more kinetic energy a flow-matching model
 * spends carrying its source to its target than the optimal transport needs,
 *
 * <pre>
 * NPE = | E[∫₀¹ |v(t, x_t)|² dt] − W2²(q₀, q₁) | / W2²(q₀, q₁)
 * </pre>
 *
 * <p>The expectation is over source draws x₀, each carried by the model with {@link #EULER_STEPS}
 * Euler steps; W2 is the exact 2-Wasserstein distance ({@link ExactWasserstein}) between the same
 * source draws and the target points. A straight, optimally paired flow scores 0.
 *
 * <p>For a class-conditional field, each class is carried to its own target points: the reference
 * is Σ_c P(c) W2²(q₀, q₁ | c), with P(c) the classes' shares of the source draws, and the sources
 * and targets of each class must be equally many.
 */
public final class PathEnergy {

    /** Euler steps of the protocol of Tong et al. */
    public static final int EULER_STEPS = 100;

    private PathEnergy() {}

    /**
     * @param energy E ∫|v|² dt, squared standardised units
     * @param transportCost W2²(q₀, q₁) (class-weighted for a class-conditional field), same units
     * @param normalized |energy − transportCost| / transportCost
     */
    public record Figure(double energy, double transportCost, double normalized) {}

    /**
     * @param field the model's vector field
     * @param sources draws of the source distribution, interleaved
     * @param sourceClasses their classes for a class-conditional field, else null
     * @param targets points of the target distribution, as many as the sources
     * @param targetClasses their classes for a class-conditional field, else null
     */
    public static Figure of(VelocityField field, float[] sources, int[] sourceClasses, float[] targets, int[] targetClasses) {
        if ((sourceClasses == null) != (targetClasses == null)) {
            throw new IllegalArgumentException("sources and targets must both carry classes or both not");
        }
        double energy = energy(field, sources, sourceClasses);
        double transportCost = sourceClasses == null ? squared(ExactWasserstein.distance(sources, targets))
                : classWeightedTransportCost(sources, sourceClasses, targets, targetClasses);
        return new Figure(energy, transportCost, Math.abs(energy - transportCost) / transportCost);
    }

    /** E ∫₀¹ |v(t, x_t)|² dt by {@link #EULER_STEPS} Euler steps from the sources. */
    static double energy(VelocityField field, float[] sources, int[] classes) {
        int n = sources.length / 2;
        float[] x = sources.clone();
        double dt = 1.0 / EULER_STEPS;
        double sum = 0;
        for (int step = 0; step < EULER_STEPS; step++) {
            float[] v = field.at(x, classes, step * dt);
            for (int i = 0; i < x.length; i++) {
                sum += (double) v[i] * v[i] * dt;
                x[i] += (float) (v[i] * dt);
            }
        }
        return sum / n;
    }

    private static double classWeightedTransportCost(float[] sources, int[] sourceClasses, float[] targets,
            int[] targetClasses) {
        int classes = 1 + Math.max(max(sourceClasses), max(targetClasses));
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            float[] from = ofClass(sources, sourceClasses, c);
            float[] to = ofClass(targets, targetClasses, c);
            if (from.length != to.length) {
                throw new IllegalArgumentException("class " + c + " has " + from.length / 2 + " sources but "
                        + to.length / 2 + " targets; each class needs as many of both");
            }
            if (from.length > 0) {
                sum += squared(ExactWasserstein.distance(from, to)) * from.length / sources.length;
            }
        }
        return sum;
    }

    private static float[] ofClass(float[] xy, int[] classes, int c) {
        int count = 0;
        for (int label : classes) {
            count += label == c ? 1 : 0;
        }
        float[] points = new float[2 * count];
        int at = 0;
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] == c) {
                points[at++] = xy[2 * i];
                points[at++] = xy[2 * i + 1];
            }
        }
        return points;
    }

    private static int max(int[] values) {
        int max = -1;
        for (int value : values) {
            max = Math.max(max, value);
        }
        return max;
    }

    private static double squared(double value) {
        return value * value;
    }
}
