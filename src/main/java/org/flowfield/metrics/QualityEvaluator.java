package org.flowfield.metrics;

import org.flowfield.data.DataSet;
import java.util.Optional;
import org.flowfield.data.OlympicRings;
import org.flowfield.data.RingDataset;
import org.flowfield.flows.FlowModel;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.StandardNormal;
import org.flowfield.flows.fm.FlowMatching;

/** Computes a model's {@link QualityFigures} exactly as docs/figures.md defines them. */
public final class QualityEvaluator {

    /** Number of samples drawn for the in-ring fraction and the sliced W2 distance. */
    public static final int SAMPLES = 10_000;
    /** Seed of the prior draw behind those samples: the same for every run. */
    public static final long SAMPLE_SEED = 0x51D_E5EEDL;
    /** Seed of the source draws x₀ behind the normalized path energy: the same for every run. */
    public static final long PATH_ENERGY_SEED = 0xE4E_26EEDL;

    /**
     * A figure that does not apply to the run: the held-out NLL of flow matching from a data set (no
     * source density), the in-ring fraction of a data set other than the rings.
     */
    public static final double ABSENT = Double.NaN;

    private QualityEvaluator() {}

    /**
     * The figures computed as training ends: held-out NLL, in-ring fraction and sliced W2, and, when
     * the data's density is known, its entropy and the share of samples outside its support. The
     * exact transport figures ({@link #transport}) take longer and are added later.
     *
     * @param model a trained model
     * @param heldOut the run's held-out points (standardised with the training statistics)
     * @param density the data's exact density in those coordinates, when known
     */
    public static QualityFigures evaluate(FlowModel model, RingDataset heldOut, Optional<DataDensity> density) {
        return evaluate(model, heldOut, density, heldOut.dataSet() == null ? 0 : heldOut.dataSet().classes());
    }

    /** As {@link #evaluate(FlowModel, RingDataset, Optional)}, with the number of classes the model learnt. */
    public static QualityFigures evaluate(FlowModel model, RingDataset heldOut, Optional<DataDensity> density, int classCount) {
        double nll = model.hasLikelihood() ? heldOutNll(model, heldOut) : ABSENT;
        int[] classes = sampleClasses(model.family(), classCount);
        float[] samples = figureSamples(model, classCount);
        double inRing = heldOut.dataSet() == DataSet.RINGS ? InRingFraction.of(samples, heldOut.standardization()) : ABSENT;
        double slicedW2 = SlicedWasserstein.distance(samples, heldOut.points().xy());
        Optional<TruthFigures> truth = density.map(known -> truth(samples, classes, known));
        return new QualityFigures(nll, inRing, slicedW2, likelihoodMethod(model.family()), sampler(model.family()),
                truth.map(TruthFigures::dataEntropy).orElse(null), truth.map(TruthFigures::outsideSupportFraction).orElse(null),
                null, null);
    }

    /**
     * The model's 10,000 samples behind its figures: the same draw for {@link #evaluate},
     * {@link #transport} and {@link #truth}, so that a figure added later reads the samples the
     * others read.
     */
    public static float[] figureSamples(FlowModel model, int classCount) {
        return model.sample(SAMPLES, sampleClasses(model.family(), classCount), SAMPLE_SEED);
    }

    /**
     * The figures against the data's known density alone, from the model's {@link #figureSamples}:
     * for a run that finished before they existed.
     */
    public static TruthFigures truth(float[] samples, ModelFamily family, int classCount, DataDensity density) {
        return truth(samples, sampleClasses(family, classCount), density);
    }

    private static TruthFigures truth(float[] samples, int[] classes, DataDensity density) {
        return new TruthFigures(density.entropy(), outsideSupport(samples, classes, density));
    }

    private static double heldOutNll(FlowModel model, RingDataset heldOut) {
        double[] logLikelihood = model.logLikelihood(heldOut.points());
        double sum = 0;
        for (double value : logLikelihood) {
            sum += value;
        }
        return -sum / logLikelihood.length;
    }

    /**
     * The exact transport figures (docs/figures.md): the exact W2 between the model's 10,000
     * samples (the same draw as {@link #evaluate}'s) and the held-out points; for a flow-matching
     * model also the normalized path energy from 10,000 source draws to the held-out points.
     * Seconds of CPU time: computed away from any request, after the run has finished.
     *
     * @param classCount the number of classes the model learnt
     */
    public static TransportFigures transport(FlowModel model, RingDataset heldOut, int classCount) {
        return transport(model, figureSamples(model, classCount), heldOut, classCount);
    }

    /** As {@link #transport(FlowModel, RingDataset, int)}, with the model's {@link #figureSamples} drawn already. */
    public static TransportFigures transport(FlowModel model, float[] samples, RingDataset heldOut, int classCount) {
        int[] classes = sampleClasses(model.family(), classCount);
        double exactW2 = ExactWasserstein.distance(samples, heldOut.points().xy());
        Double pathEnergy = null;
        if (model instanceof FlowMatching flowMatching) {
            float[] sources = flowMatching.drawSource(SAMPLES, PATH_ENERGY_SEED);
            pathEnergy = PathEnergy.of(flowMatching::velocity, sources, classes, heldOut.points().xy(),
                    heldOut.points().labels()).normalized();
        }
        return new TransportFigures(exactW2, pathEnergy);
    }

    /** The share of samples where the data's density (of the sample's class) is zero; NaN samples count as outside. */
    static double outsideSupport(float[] samples, int[] classes, DataDensity density) {
        int n = samples.length / 2;
        int outside = 0;
        for (int i = 0; i < n; i++) {
            float x = samples[2 * i];
            float y = samples[2 * i + 1];
            if (!Float.isFinite(x) || !Float.isFinite(y) || !density.inSupport(x, y, classes == null ? 0 : classes[i])) {
                outside++;
            }
        }
        return (double) outside / n;
    }

    private static int[] sampleClasses(ModelFamily family, int classCount) {
        return family.conditional() ? cyclingClasses(SAMPLES, classCount) : null;
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
