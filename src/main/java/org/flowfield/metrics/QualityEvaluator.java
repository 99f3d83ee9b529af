package org.flowfield.metrics;

import org.flowfield.data.DataSet;
import org.flowfield.data.OlympicRings;
import org.flowfield.data.RingDataset;
import org.flowfield.flows.FlowModel;
import org.flowfield.flows.ModelFamily;

/** Computes a model's {@link QualityFigures} exactly as docs/figures.md defines them. */
public final class QualityEvaluator {

    /** Number of samples drawn for the in-ring fraction and the sliced W2 distance. */
    public static final int SAMPLES = 10_000;
    /** Seed of the prior draw behind those samples: the same for every run. */
    public static final long SAMPLE_SEED = 0x51D_E5EEDL;

    /**
     * A figure that does not apply to the run: the held-out NLL of flow matching from a data set (no
     * source density), the in-ring fraction of a data set other than the rings.
     */
    public static final double ABSENT = Double.NaN;

    private QualityEvaluator() {}

    /**
     * @param model a trained model
     * @param heldOut the run's held-out points (standardised with the training statistics)
     */
    public static QualityFigures evaluate(FlowModel model, RingDataset heldOut) {
        double nll = model.hasLikelihood() ? heldOutNll(model, heldOut) : ABSENT;
        int[] classes = model.family().conditional() ? cyclingClasses(SAMPLES, heldOut.dataSet().classes()) : null;
        float[] samples = model.sample(SAMPLES, classes, SAMPLE_SEED);
        double inRing = heldOut.dataSet() == DataSet.RINGS ? InRingFraction.of(samples, heldOut.standardization()) : ABSENT;
        double slicedW2 = SlicedWasserstein.distance(samples, heldOut.points().xy());
        return new QualityFigures(nll, inRing, slicedW2, likelihoodMethod(model.family()), sampler(model.family()));
    }

    private static double heldOutNll(FlowModel model, RingDataset heldOut) {
        double[] logLikelihood = model.logLikelihood(heldOut.points());
        double sum = 0;
        for (double value : logLikelihood) {
            sum += value;
        }
        return -sum / logLikelihood.length;
    }

    /** How a family's held-out log-likelihood is computed. */
    public static String likelihoodMethod(ModelFamily family) {
        return family == ModelFamily.NORMALIZING_FLOW ? "exact change of variables" : "RK4, 200 steps, exact divergence";
    }

    /** How a family's samples for the figures are drawn. */
    public static String sampler(ModelFamily family) {
        return family == ModelFamily.NORMALIZING_FLOW ? "one pass of the forward map" : "Euler, dt = 0.001";
    }

    /** The rings' classes 0, 1, 2, 3, 4, 0, 1, … (docs/figures.md). */
    public static int[] cyclingClasses(int count) {
        return cyclingClasses(count, OlympicRings.NUM_CLASSES);
    }

    /** Classes 0, 1, …, classes − 1, 0, 1, … */
    public static int[] cyclingClasses(int count, int classes) {
        int[] cycling = new int[count];
        for (int i = 0; i < count; i++) {
            cycling[i] = i % classes;
        }
        return cycling;
    }
}
