package org.flowfield.flows.nf;

import org.flowfield.flows.optim.ParameterLayout;

/**
 * The weights of one coupling flow as {@link CouplingFlowStack} computes with them, and the map
 * from the layout a {@link org.flowfield.flows.ModelState} stores ({@link CouplingFlow#layout}).
 *
 * <p>Linear j of layer l is kept transposed and augmented, [in + 1, out′]: its bias is one more
 * input row, read against a constant 1 appended to the input, so that a linear is a single
 * product. Hidden linears (j < K − 1) have one more output, out′ = out + 1, that copies the
 * constant to the next linear: weight 1 from the constant and 0 from every other input. The last
 * linear has out′ = 4 outputs [log ŝ, 0, b, 0]; its two zero columns keep the constant of the
 * coordinate column that a layer rewrites (see {@link CouplingFlowStack}). The copy weights and
 * the zero columns are constants: their gradient is masked like that of the off-diagonal blocks.
 */
final class AugmentedLayout {

    private final int linears;
    private final int layers;
    private final int[] inputs;
    private final int[] outputs;
    private final int[] offsets;
    private final int size;
    private final int soloSize;
    /** Index in the augmented layout of each entry of the stored layout. */
    private final int[] placement;
    private final float[] constants;
    private final float[] negatedGradientMask;

    AugmentedLayout(CouplingFlowConfig config) {
        ParameterLayout solo = CouplingFlow.layout(config);
        float[] soloMask = CouplingFlow.negatedDiagonalMask(config);
        this.linears = config.linearLayers();
        this.layers = config.couplingLayers();
        int width = 2 * config.hiddenWidth();
        this.inputs = new int[linears];
        this.outputs = new int[linears];
        this.offsets = new int[linears];
        int offset = 0;
        for (int j = 0; j < linears; j++) {
            inputs[j] = (j == 0 ? 1 : width) + 1;
            outputs[j] = j == linears - 1 ? 4 : width + 1;
            offsets[j] = offset;
            offset += layers * inputs[j] * outputs[j];
        }
        this.size = offset;
        this.soloSize = solo.size();
        this.placement = new int[soloSize];
        this.constants = new float[size];
        this.negatedGradientMask = new float[size];
        for (int j = 0; j < linears; j++) {
            int in = inputs[j] - 1;
            int out = j == linears - 1 ? 2 : width;
            int weightBase = solo.offset(2 * j);
            int biasBase = solo.offset(2 * j + 1);
            for (int l = 0; l < layers; l++) {
                for (int r = 0; r < out; r++) {
                    for (int c = 0; c < in; c++) {
                        placement[weightBase + (l * out + r) * in + c] = index(j, l, c, column(j, r));
                    }
                    placement[biasBase + l * out + r] = index(j, l, in, column(j, r));
                }
                if (j < linears - 1) {
                    constants[index(j, l, in, width)] = 1f;
                }
            }
        }
        for (int s = 0; s < soloSize; s++) {
            negatedGradientMask[placement[s]] = soloMask[s];
        }
    }

    /** Output r of linear j in the augmented layout: the last linear's [log ŝ, b] go to columns 0 and 2. */
    private int column(int j, int r) {
        return j == linears - 1 ? 2 * r : r;
    }

    private int index(int j, int l, int in, int out) {
        return offsets[j] + (l * inputs[j] + in) * outputs[j] + out;
    }

    /** Number of values of one flow, augmented. */
    int size() {
        return size;
    }

    /** Rows of linear j's augmented weight: its inputs and the constant. */
    int inputs(int j) {
        return inputs[j];
    }

    /** Columns of linear j's augmented weight. */
    int outputs(int j) {
        return outputs[j];
    }

    /** Offset of layer l's augmented weight [inputs(j), outputs(j)] of linear j. */
    int offset(int j, int l) {
        return offsets[j] + l * inputs[j] * outputs[j];
    }

    /** −1 where the gradient is trained, 0 where a value stays as it is: masks and negates at once. */
    float[] negatedGradientMask() {
        return negatedGradientMask.clone();
    }

    /**
     * Writes stored values into member {@code member}'s row of a row-major [K × size] array.
     *
     * @param withConstants whether the copy weights are set (parameters) or left 0 (optimizer moments)
     */
    void place(float[] stored, boolean withConstants, float[] target, int member) {
        if (stored.length != soloSize) {
            throw new IllegalArgumentException(
                    "expected " + soloSize + " values for this flow's shape, got " + stored.length);
        }
        int base = member * size;
        if (withConstants) {
            System.arraycopy(constants, 0, target, base, size);
        }
        for (int s = 0; s < soloSize; s++) {
            target[base + placement[s]] = stored[s];
        }
    }

    /** Member {@code member}'s values in the stored layout, read from a row-major [K × size] array. */
    float[] stored(float[] augmented, int member) {
        int base = member * size;
        float[] values = new float[soloSize];
        for (int s = 0; s < soloSize; s++) {
            values[s] = augmented[base + placement[s]];
        }
        return values;
    }
}
