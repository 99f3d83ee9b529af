package org.flowfield.questions.cfm;

import org.flowfield.data.OlympicRings;
import org.flowfield.data.Standardization;
import org.flowfield.flows.fm.FlowMatching;
import org.flowfield.metrics.QualityEvaluator;

/**
 * §4.3 conditional Q3 "Sampling": samples with classes cycling 0, 1, 2, 3, 4, 0, … (as docs/figures.md
 * draws them), and per class the share that landed in that class's own ring.
 *
 * @param standardization the run's training statistics
 * @param samples the samples [x0, y0, …], standardised
 * @param labels the class each sample was drawn for
 * @param ownRingShare per class label 0..4, the share (0..1) of its samples inside its own ring
 *     annulus (original coordinates)
 * @param meanOwnRingShare the mean of ownRingShare over the five classes
 */
public record ClassSamples(
        Standardization standardization, float[] samples, int[] labels, double[] ownRingShare, double meanOwnRingShare) {

    /** The exercise asks for at least 3,000. */
    public static final int DEFAULT_COUNT = 3_000;
    public static final long SEED = 25;

    public static ClassSamples of(FlowMatching model, Standardization standardization, int count) {
        int[] labels = QualityEvaluator.cyclingClasses(count);
        float[] samples = model.sample(count, labels, SEED);
        int[] drawn = new int[OlympicRings.NUM_CLASSES];
        int[] inside = new int[OlympicRings.NUM_CLASSES];
        for (int i = 0; i < count; i++) {
            drawn[labels[i]]++;
            if (OwnRing.contains(labels[i], samples[2 * i], samples[2 * i + 1], standardization)) {
                inside[labels[i]]++;
            }
        }
        double[] share = new double[OlympicRings.NUM_CLASSES];
        double sum = 0;
        for (int label = 0; label < share.length; label++) {
            share[label] = drawn[label] == 0 ? 0 : (double) inside[label] / drawn[label];
            sum += share[label];
        }
        return new ClassSamples(standardization, samples, labels, share, sum / share.length);
    }
}
