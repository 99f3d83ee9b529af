package org.flowfield.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.flowfield.metrics.QualityFigures;

/**
 * What "the same run" means for a run trained in a pack, or resumed in whatever pack it lands in
 * after a crash, against the run trained alone and uninterrupted (issue 11): every step's batch loss
 * within float32 rounding (relative 1e-5), and figures within 0.01 nats held-out NLL, 0.005 in-ring
 * fraction and 0.003 sliced W2. Rounding may differ between a batched and a single step; a wrong
 * batch, shuffle, noise draw or lost optimizer state after a resume moves a step's loss by far more.
 */
public final class SameRun {

    public static final double LOSS_RELATIVE = 1e-5;
    public static final double HELD_OUT_NLL = 0.01;
    public static final double IN_RING_FRACTION = 0.005;
    public static final double SLICED_W2 = 0.003;

    private SameRun() {}

    /** Asserts each step's loss against the reference's, the step named in the failure. */
    public static void assertSameLosses(float[] actual, float[] reference) {
        assertThat(actual).as("one batch loss per step").hasSameSizeAs(reference);
        for (int i = 0; i < reference.length; i++) {
            double expected = reference[i];
            assertThat((double) actual[i]).as("loss of step %d", i + 1)
                    .isCloseTo(expected, within(LOSS_RELATIVE * Math.max(1, Math.abs(expected))));
        }
    }

    /**
     * The three figures a packed or resumed run is compared by, however a test read them; equal
     * records are bit for bit the same figures.
     */
    public record Figures(double heldOutNll, double inRingFraction, double slicedW2) {

        public static Figures of(QualityFigures figures) {
            return new Figures(figures.heldOutNll(), figures.inRingFraction(), figures.slicedW2());
        }
    }

    public static void assertSameFigures(Figures actual, Figures reference) {
        assertThat(actual.heldOutNll()).as("held-out NLL").isCloseTo(reference.heldOutNll(), within(HELD_OUT_NLL));
        assertThat(actual.inRingFraction()).as("in-ring fraction").isCloseTo(reference.inRingFraction(), within(IN_RING_FRACTION));
        assertThat(actual.slicedW2()).as("sliced W2").isCloseTo(reference.slicedW2(), within(SLICED_W2));
    }

    /** The first step (1-based) whose loss is not bit for bit the reference's, or 0 when none. */
    public static int firstStepNotBitIdentical(float[] actual, float[] reference) {
        for (int i = 0; i < Math.min(actual.length, reference.length); i++) {
            if (Float.floatToRawIntBits(actual[i]) != Float.floatToRawIntBits(reference[i])) {
                return i + 1;
            }
        }
        return actual.length == reference.length ? 0 : Math.min(actual.length, reference.length) + 1;
    }
}
