package org.flowfield.flows.fm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The training pairs of one step as the tensors {@link FieldTraining} reads: [K, B, ·] for K
 * members, [B, ·] for one. B is the longest batch rounded up to a multiple of
 * {@link #ROW_MULTIPLE}; the rows after a member's own points are zeros and masked out.
 *
 * @param input [K, B, 3] rows (y_t, t)
 * @param oneHot [K, B, C] one-hot classes (C the configuration's classes), or null for an unconditional field
 * @param target [K, B, 2] rows u_t
 * @param mask [K, B, 1], 1 on own points and 0 on padding; null when nothing is padded
 * @param counts each member's number of own points
 */
record PairBatch(NDArray input, NDArray oneHot, NDArray target, NDArray mask, int[] counts) {

    /**
     * The BLAS picks its kernel by matrix size: below 16 rows it sums in another order than above,
     * and some odd sizes differ in the last bit. Rounding every batch up to a multiple of 16 rows
     * makes a member's products the same, bit for bit, whether its model steps alone or in a pack
     * padded to a longer batch.
     */
    static final int ROW_MULTIPLE = 16;

    /** The draws of each member (K = draws.length), in the step's manager, for a network of that shape. */
    static PairBatch of(NDManager step, TrainingPairs.Draw[] draws, FlowMatchingConfig shape) {
        boolean conditional = shape.conditional();
        int[] counts = new int[draws.length];
        int longest = 0;
        for (int i = 0; i < draws.length; i++) {
            counts[i] = draws[i].size();
            longest = Math.max(longest, counts[i]);
        }
        int rows = (longest + ROW_MULTIPLE - 1) / ROW_MULTIPLE * ROW_MULTIPLE;
        return new PairBatch(
                stacked(step, draws, rows, 3, TrainingPairs.Draw::input),
                conditional ? oneHot(step, draws, rows, shape.classes()) : null,
                stacked(step, draws, rows, 2, TrainingPairs.Draw::target),
                mask(step, counts, rows),
                counts);
    }

    private static NDArray stacked(NDManager step, TrainingPairs.Draw[] draws, int rows, int width,
            Function<TrainingPairs.Draw, float[]> part) {
        float[] values = new float[draws.length * rows * width];
        for (int i = 0; i < draws.length; i++) {
            float[] own = part.apply(draws[i]);
            System.arraycopy(own, 0, values, i * rows * width, own.length);
        }
        return step.create(values, shape(draws.length, rows, width));
    }

    private static NDArray oneHot(NDManager step, TrainingPairs.Draw[] draws, int rows, int width) {
        float[] values = new float[draws.length * rows * width];
        for (int i = 0; i < draws.length; i++) {
            FlowIntegrator.writeOneHot(draws[i].labels(), values, i * rows * width, width);
        }
        return step.create(values, shape(draws.length, rows, width));
    }

    private static NDArray mask(NDManager step, int[] counts, int rows) {
        if (Arrays.stream(counts).allMatch(count -> count == rows)) {
            return null;
        }
        float[] values = new float[counts.length * rows];
        for (int i = 0; i < counts.length; i++) {
            Arrays.fill(values, i * rows, i * rows + counts[i], 1f);
        }
        return step.create(values, shape(counts.length, rows, 1));
    }

    private static Shape shape(int members, int rows, int width) {
        return members == 1 ? new Shape(rows, width) : new Shape(members, rows, width);
    }
}
