package org.flowfield.flows;

import java.util.SplittableRandom;

/** PyTorch's default initialisation of a linear layer: weights and biases ~ U(−1/√fan_in, 1/√fan_in). */
public final class Initialization {

    private Initialization() {}

    /** Fills {@code count} values starting at {@code offset} with U(−1/√fanIn, 1/√fanIn). */
    public static void uniform(float[] target, int offset, int count, int fanIn, SplittableRandom random) {
        double bound = 1.0 / Math.sqrt(fanIn);
        for (int i = 0; i < count; i++) {
            target[offset + i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
    }
}
