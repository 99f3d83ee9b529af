package org.flowfield.questions.fm;

import java.util.Arrays;
import java.util.function.DoubleConsumer;
import org.flowfield.data.RingDataset;
import org.flowfield.data.Standardization;
import org.flowfield.flows.fm.FlowMatching;
import org.flowfield.flows.fm.OdeSolver;
import org.flowfield.flows.fm.TimeGrid;
import org.flowfield.metrics.InRingFraction;
import org.flowfield.metrics.QualityEvaluator;
import org.flowfield.metrics.SlicedWasserstein;

/**
 * §4.3 Q4 "Time quantization": the model sampled with Euler at several step sizes Δt, with the
 * in-ring fraction and sliced W2 of docs/figures.md for each. Each Δt uses exactly the figures' recipe
 * ({@link QualityEvaluator#SAMPLES} samples from {@link QualityEvaluator#SAMPLE_SEED}, cycling
 * classes, the run's held-out set) with only Δt changed, so at Δt = 1/1000 the figures are the
 * run's stored ones.
 *
 * @param standardization the run's training statistics
 * @param dts the step sizes asked for, in the order asked
 * @param steps the Euler steps actually taken per Δt: round(1 / Δt), so the last lands on t = 1
 * @param panels per Δt, the first {@link #PANEL_POINTS} of its samples [x0, y0, …], standardised
 * @param panelClasses the class of each panel point for a class-conditional model, else null
 * @param inRingFractions per Δt, the docs/figures.md in-ring fraction (0..1)
 * @param slicedW2 per Δt, the docs/figures.md sliced Wasserstein-2 distance to the held-out data
 */
public record TimeQuantization(
        Standardization standardization, double[] dts, int[] steps, float[][] panels, int[] panelClasses,
        double[] inRingFractions, double[] slicedW2) {

    /** The exercise's step sizes. */
    public static final double[] DEFAULT_DTS = {0.002, 0.02, 0.05, 0.1, 0.2};
    public static final int PANEL_POINTS = 1_000;

    /**
     * @param progress receives the share of Euler steps done (0..1) after each Δt
     */
    public static TimeQuantization of(
            FlowMatching model, RingDataset heldOut, double[] dts, DoubleConsumer progress) {
        int samples = QualityEvaluator.SAMPLES;
        int[] classes = model.config().conditional() ? QualityEvaluator.cyclingClasses(samples, model.config().classes()) : null;
        float[] prior = model.drawSource(samples, QualityEvaluator.SAMPLE_SEED);
        int[] steps = Arrays.stream(dts).mapToInt(dt -> TimeGrid.forward(dt).steps()).toArray();
        long totalSteps = Arrays.stream(steps).asLongStream().sum();
        long stepsDone = 0;
        float[][] panels = new float[dts.length][];
        double[] inRing = new double[dts.length];
        double[] slicedW2 = new double[dts.length];
        for (int k = 0; k < dts.length; k++) {
            float[] sampled = model.integrate(prior, classes, TimeGrid.forward(dts[k]), OdeSolver.EULER);
            panels[k] = Arrays.copyOf(sampled, 2 * PANEL_POINTS);
            inRing[k] = InRingFraction.of(sampled, heldOut.standardization());
            slicedW2[k] = SlicedWasserstein.distance(sampled, heldOut.points().xy());
            stepsDone += steps[k];
            progress.accept((double) stepsDone / totalSteps);
        }
        return new TimeQuantization(heldOut.standardization(), dts.clone(), steps, panels,
                classes == null ? null : Arrays.copyOf(classes, PANEL_POINTS), inRing, slicedW2);
    }
}
