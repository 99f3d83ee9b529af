package org.flowfield.questions.fm;

import org.flowfield.data.Standardization;
import org.flowfield.flows.StandardNormal;
import org.flowfield.flows.fm.FlowMatching;
import org.flowfield.flows.fm.OdeSolver;
import org.flowfield.flows.fm.TimeGrid;
import org.flowfield.questions.common.RecordedSteps;
import org.flowfield.questions.common.Trajectories;

/**
 * §4.3 Bonus "make the model output (4, 5)": the noise y₀ that the model's own sampler (Euler,
 * Δt = 1/1000, Algorithm 2) carries to a target, found by running the flow backwards (Eq. 18) from
 * the target, and the forward path from that noise.
 *
 * <p>Euler backwards is not the exact inverse of Euler forwards: the two differ by O(Δt) per unit
 * time, so the first noise lands near, not on, the target. Each refinement moves the noise by the
 * backward map's difference between the target and where the noise landed,
 * y₀ ← y₀ + B(target) − B(F(y₀)), which removes that mismatch to first order; refinement stops once
 * the sample is within {@link #TOLERANCE} original units or after {@link #MAX_REFINEMENTS}. With
 * the reference models the sample lands within {@link #TOLERANCE} of (4, 5) (original units).
 *
 * @param standardization the run's training statistics
 * @param label the class the sample was drawn for (class-conditional models), else −1
 * @param target the target {x, y}, standardised
 * @param noise the prior point y₀ {x, y} that the sampler maps to the sample
 * @param noiseLogDensity log N(y₀; 0, I): how likely the prior is to draw that noise
 * @param path the forward path from y₀ (t = 0) to the sample (t = 1), {@link #STATES} states, standardised
 * @param sample where the model's sampler takes y₀ {x, y}, standardised
 * @param distance |sample − target| in ORIGINAL units (to the target as the model was given it, float32 standardised)
 * @param refinements refinement steps taken after the first backward run (0 when none was needed)
 */
public record TargetedSample(
        Standardization standardization, int label, float[] target, float[] noise, double noiseLogDensity,
        Trajectories path, float[] sample, double distance, int refinements) {

    /** The exercise's target, (4, 5). */
    public static final double DEFAULT_X = 4;
    public static final double DEFAULT_Y = 5;
    /** How close, in original units, the sample must come to the target to stop refining. */
    public static final double TOLERANCE = 1e-3;
    public static final int MAX_REFINEMENTS = 5;
    public static final int STATES = 101;

    /**
     * @param target {x, y} standardised
     * @param label the class for a class-conditional model, ignored otherwise
     */
    public static TargetedSample of(FlowMatching model, Standardization standardization, float[] target, int label) {
        int[] classes = model.config().conditional() ? new int[] {label} : null;
        TimeGrid backward = TimeGrid.backward(FlowMatching.SAMPLING_DT);
        TimeGrid forward = TimeGrid.forward(FlowMatching.SAMPLING_DT);
        float[] targetNoise = model.integrate(target, classes, backward, OdeSolver.EULER);
        float[] noise = targetNoise.clone();
        float[] sample = model.integrate(noise, classes, forward, OdeSolver.EULER);
        int refinements = 0;
        while (originalDistance(sample, target, standardization) > TOLERANCE && refinements < MAX_REFINEMENTS) {
            float[] landedNoise = model.integrate(sample, classes, backward, OdeSolver.EULER);
            for (int c = 0; c < 2; c++) {
                noise[c] += targetNoise[c] - landedNoise[c];
            }
            sample = model.integrate(noise, classes, forward, OdeSolver.EULER);
            refinements++;
        }
        int[] steps = RecordedSteps.evenly(forward, STATES);
        float[][] states = model.trajectory(noise, classes, forward, OdeSolver.EULER, steps);
        return new TargetedSample(standardization, classes == null ? -1 : label, target.clone(), noise,
                StandardNormal.logDensity(noise[0], noise[1]), Trajectories.ofStates(RecordedSteps.times(forward, steps), states),
                states[states.length - 1], originalDistance(states[states.length - 1], target, standardization), refinements);
    }

    private static double originalDistance(float[] a, float[] b, Standardization standardization) {
        double[] p = standardization.toOriginal(a[0], a[1]);
        double[] q = standardization.toOriginal(b[0], b[1]);
        return Math.hypot(p[0] - q[0], p[1] - q[1]);
    }
}
