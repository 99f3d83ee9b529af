package org.flowfield.flows.nf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import org.flowfield.engine.Tensors;
import org.flowfield.flows.ModelState;
import org.flowfield.flows.StepLoss;
import org.flowfield.flows.optim.OptimizerSettings;
import org.flowfield.flows.optim.ParameterLayout;
import org.flowfield.flows.optim.RowwiseAdam;

/**
 * M coupling flows of one shape on a leading member axis: Eq. 9 of each, its gradient by hand and
 * Adam, in one pass of batched products. {@link CouplingFlow} is a stack of one member and
 * {@link CouplingFlowPack} a stack of many, so both train with the equations written here.
 *
 * <p>Shapes. Row m of the parameters [M, P] is member m's weights in the layout of
 * {@link CouplingFlow#layout}; weights are viewed as [M, out, in] per linear and layer, biases as
 * [M, 1, out], activations are [M, B, width]; a stack of one has plain [out, in] and [out] views
 * and computes with plain matrix products, which give the same bits as the batched ones.
 *
 * <p>Batches. Every point carries a weight: 1/b for the b points of its member's batch and 0 for
 * the rows that pad the batch to the stack's row count, so that a member's loss and gradient are
 * the means over its own points. Padding rows repeat the member's own points, which keeps them
 * finite whenever the member's points are. Nothing is summed across members.
 */
final class CouplingFlowStack implements AutoCloseable {

    private static final double LOG_2PI = Math.log(2 * Math.PI);
    /**
     * Batches are padded to a multiple of this many rows. MKL's products and PyTorch's sums
     * round differently for different numbers of rows, even when the extra rows are zeros, and a
     * member must get the same bits alone and in a pack: with every batch of up to 128 points
     * padded to 128 rows, a batch is computed with the same shapes whatever pack it is in. (In a
     * pack of batches larger than 128, a member's last, shorter batch gets more rows than alone
     * and agrees with it to rounding only.)
     */
    private static final int ROW_BLOCK = 128;

    private static final int[] LAST_AXIS = {-1};
    /**
     * From this many members on, the backward sweep turns each linear's output gradient into its
     * weight and bias gradients as soon as it is known and frees the layer's activations right
     * after. Below, the gradients of all layers of a linear are one batched product over their
     * stacked activations: fewer operations, which is what a stack of one or two is bound by, while
     * in a pack the stacking copies cost more than the products they save. The products are the
     * same, member by member, so the numbers are the same bits either way.
     */
    private static final int LAYER_BY_LAYER_FROM = 4;

    private final CouplingFlowConfig config;
    private final int members;
    private final NDManager manager;
    private final NDArray parameters;
    private final RowwiseAdam adam;
    /** −1 where a gradient entry belongs to a diagonal block, 0 off it: masks and negates at once. */
    private final NDArray negatedGradientMask;
    /** weights[j][l]: linear j of layer l, [M, out_j, in_j]; biases[j][l]: [M, 1, out_j]. */
    private final NDArray[][] weights;
    private final NDArray[][] biases;
    /** transposed[j][l]: weights[j][l] as [M, in_j, out_j], the right operand of a batched product. */
    private final NDArray[][] transposed;

    /**
     * @param states each member's weights and optimizer state, in the layout of {@link CouplingFlow#layout}
     * @param optimizers each member's weight decay and gradient clipping
     * @param parent the manager this stack's native memory hangs from (released by {@link #close})
     */
    CouplingFlowStack(CouplingFlowConfig config, List<ModelState> states, List<OptimizerSettings> optimizers,
            NDManager parent) {
        if (states.isEmpty() || optimizers.size() != states.size()) {
            throw new IllegalArgumentException("a stack needs at least one member, each with its optimizer settings");
        }
        this.config = config;
        this.members = states.size();
        ParameterLayout layout = CouplingFlow.layout(config);
        int size = layout.size();
        float[] values = new float[members * size];
        float[] first = new float[members * size];
        float[] second = new float[members * size];
        long[] steps = new long[members];
        for (int m = 0; m < members; m++) {
            ModelState state = states.get(m);
            place(state.parameters(), values, m, size);
            place(state.adamFirstMoment(), first, m, size);
            place(state.adamSecondMoment(), second, m, size);
            steps[m] = state.optimizerSteps();
        }
        this.manager = parent.newSubManager();
        try {
            this.parameters = manager.create(values, new Shape(members, size));
            this.adam = new RowwiseAdam(parameters, first, second, steps, optimizers.toArray(OptimizerSettings[]::new), true);
            this.negatedGradientMask = manager.create(CouplingFlow.negatedDiagonalMask(config));
            int k = config.linearLayers();
            int layers = config.couplingLayers();
            this.weights = new NDArray[k][layers];
            this.biases = new NDArray[k][layers];
            this.transposed = new NDArray[k][layers];
            for (int j = 0; j < k; j++) {
                long[] shape = layout.shapes().get(2 * j);
                long out = shape[1];
                long in = shape[2];
                for (int l = 0; l < layers; l++) {
                    NDArray weight = columns(layout.offset(2 * j) + l * out * in, out * in);
                    NDArray bias = columns(layout.offset(2 * j + 1) + l * out, out);
                    weights[j][l] = members == 1
                            ? Tensors.reshape(weight, out, in)
                            : Tensors.reshape(weight, members, out, in);
                    biases[j][l] = members == 1 ? Tensors.reshape(bias, out) : Tensors.reshape(bias, members, 1, out);
                    transposed[j][l] = Tensors.swapAxes(weights[j][l], -2, -1);
                }
            }
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static void place(float[] values, float[] target, int member, int size) {
        if (values.length != size) {
            throw new IllegalArgumentException("expected " + size + " values for this flow's shape, got " + values.length);
        }
        System.arraycopy(values, 0, target, member * size, size);
    }

    /** Columns [start, start + count) of the parameters, [M, count]. */
    private NDArray columns(long start, long count) {
        return Tensors.slice(parameters, 1, start, start + count);
    }

    int members() {
        return members;
    }

    private boolean computesGradientsLayerByLayer() {
        return members >= LAYER_BY_LAYER_FROM;
    }

    /**
     * One step of every member: loss, gradient and Adam update.
     *
     * @param xy member m's points [b_m × 2] interleaved, 1 ≤ b_m ≤ rows
     * @param rows the batch size B: every member's batch is padded to B rounded up to a multiple of 128
     * @return each member's loss on its own points
     */
    StepLoss[] trainStep(float[][] xy, int rows, double[] learningRates) {
        if (learningRates.length != members) {
            throw new IllegalArgumentException("expected " + members + " learning rates, got " + learningRates.length);
        }
        try (NDManager step = manager.newSubManager()) {
            Batch batch = batch(step, xy, rows);
            Pass pass = inversePass(batch, true);
            StepLoss[] losses = pass.losses(batch);
            NDArray gradient = backward(pass, batch.pointWeights());
            adam.step(gradient, learningRates);
            return losses;
        }
    }

    /** Each member's loss on its points, without updating anything. */
    StepLoss[] losses(float[][] xy, int rows) {
        try (NDManager scope = manager.newSubManager()) {
            Batch batch = batch(scope, xy, rows);
            return inversePass(batch, false).losses(batch);
        }
    }

    /** Each member's gradient of Eq. 9 on its points, without updating anything. */
    float[][] gradients(float[][] xy, int rows) {
        try (NDManager scope = manager.newSubManager()) {
            Batch batch = batch(scope, xy, rows);
            float[] all = backward(inversePass(batch, true), batch.pointWeights()).toFloatArray();
            int size = all.length / members;
            float[][] result = new float[members][];
            for (int m = 0; m < members; m++) {
                result[m] = Arrays.copyOfRange(all, m * size, (m + 1) * size);
            }
            return result;
        }
    }

    /** A member's weights and optimizer state, as the member's model alone would store them. */
    ModelState state(int member) {
        if (member < 0 || member >= members) {
            throw new IndexOutOfBoundsException("no member " + member + " in a stack of " + members);
        }
        return new ModelState(Tensors.rowValues(parameters, member), adam.firstMoment(member),
                adam.secondMoment(member), adam.steps(member));
    }

    /** The weight views [j][l] (see the class comment); updated in place by every step. */
    NDArray[][] weights() {
        return weights;
    }

    /** The bias views [j][l] (see the class comment); updated in place by every step. */
    NDArray[][] biases() {
        return biases;
    }

    /**
     * The coupling network f(z_l) of layer l (Eq. 3) of a stack of one, with its weights
     * [out, in] and biases [out] or copies of them.
     *
     * @return log ŝ and b, each shaped as the input
     */
    NDList network(NDArray left, NDArray[][] w, NDArray[][] b, int l) {
        return network(left, w, b, l, null);
    }

    private NDList network(NDArray left, NDArray[][] w, NDArray[][] b, int l, Pass keep) {
        NDArray a = hiddenLayers(left, w, b, l, keep);
        NDArray output = affine(a, w, b, config.linearLayers() - 1, l);
        if (keep == null && a != left) {
            a.close();
        }
        NDList logScaleAndShift = Tensors.split(output, 1, -1);
        output.close();
        if (!config.boundedLogScale()) {
            return logScaleAndShift;
        }
        NDArray raw = logScaleAndShift.get(0);
        NDList bounded = new NDList(bound(raw), logScaleAndShift.get(1));
        raw.close();
        return bounded;
    }

    /**
     * The hidden layers of coupling network l: the last activation, the input of its output
     * linear. With {@code keep} set, every linear's input stays in it for the backward sweep, and
     * every activation's derivative too where it does not follow from the activation; without,
     * only the result is left.
     */
    private NDArray hiddenLayers(NDArray left, NDArray[][] w, NDArray[][] b, int l, Pass keep) {
        int k = config.linearLayers();
        NDArray a = left;
        for (int j = 0; j < k - 1; j++) {
            if (keep != null) {
                keep.inputs[j][l] = a;
            }
            NDArray hidden = affine(a, w, b, j, l);
            if (keep != null) {
                if (keep.slopes != null) {
                    keep.slopes[j][l] = config.activation().derivative(hidden, config.leakySlope());
                }
            } else if (a != left) {
                a.close();
            }
            a = config.activation().apply(hidden, config.leakySlope());
            hidden.close();
        }
        if (keep != null) {
            keep.inputs[k - 1][l] = a;
        }
        return a;
    }

    /** The soft bound log ŝ = b·tanh(log ŝ_raw / b) (b = {@link CouplingFlowConfig#logScaleBound}). */
    private NDArray bound(NDArray rawLogScale) {
        double b = config.logScaleBound();
        NDArray scaled = rawLogScale.div(b);
        NDArray bounded = scaled.tanh().muli(b);
        scaled.close();
        return bounded;
    }

    /** ∂ log ŝ / ∂ log ŝ_raw of the soft bound: 1 − tanh² = 1 − (log ŝ / b)²; 1 when unbounded. */
    private NDArray boundDerivative(NDArray logScale) {
        NDArray scaled = logScale.div(config.logScaleBound());
        NDArray square = scaled.square();
        scaled.close();
        NDArray derivative = square.neg().addi(1);
        square.close();
        return derivative;
    }

    /**
     * input · wᵀ + b. Alone, the fused linear operation with w [out, in]; in a pack, a batched
     * product with w transposed, [M, in, out], then the bias (the first linear, which reads one
     * input, multiplies elementwise). MKL adds the bias after the product, so both give a
     * member the same bits (CouplingFlowPackTest compares them step by step).
     */
    private NDArray affine(NDArray input, NDArray[][] w, NDArray[][] b, int j, int l) {
        if (members == 1) {
            return Tensors.linear(input, w[j][l], b[j][l]);
        }
        NDArray product = j == 0 ? input.mul(w[j][l]) : Tensors.matmul(input, w[j][l]);
        return product.addi(b[j][l]);
    }

    /**
     * The members' points as two coordinate columns [M, B, 1] and their weights: 1/b_m for each of
     * member m's points and 0 for padding rows.
     */
    private Batch batch(NDManager scope, float[][] xy, int rows) {
        if (xy.length != members) {
            throw new IllegalArgumentException("expected " + members + " batches, got " + xy.length);
        }
        int padded = (rows + ROW_BLOCK - 1) / ROW_BLOCK * ROW_BLOCK;
        float[] first = new float[members * padded];
        float[] second = new float[members * padded];
        float[] pointWeights = new float[members * padded];
        for (int m = 0; m < members; m++) {
            int count = xy[m].length / 2;
            if (count < 1 || count > rows || xy[m].length % 2 != 0) {
                throw new IllegalArgumentException(
                        "a batch must hold 1 to " + rows + " points [x, y], got " + xy[m].length + " values");
            }
            float weight = 1f / count;
            for (int r = 0; r < padded; r++) {
                int source = 2 * (r % count);
                first[m * padded + r] = xy[m][source];
                second[m * padded + r] = xy[m][source + 1];
                if (r < count) {
                    pointWeights[m * padded + r] = weight;
                }
            }
        }
        Shape shape = new Shape(members, padded, 1);
        return new Batch(scope.create(first, shape), scope.create(second, shape), scope.create(pointWeights, shape));
    }

    private record Batch(NDArray first, NDArray second, NDArray pointWeights) {}

    /** The activations of one pass x → z that the backward sweep needs. */
    private final class Pass {
        final NDArray[] columns = new NDArray[2];
        final NDArray[][] inputs;
        /**
         * The activation's derivative at each hidden pre-activation, kept only for activations whose
         * derivative does not follow from their output ({@link org.flowfield.flows.Activation#derivativeFollowsFromOutput});
         * otherwise null, and the backward sweep reads it off the next linear's input.
         */
        final NDArray[][] slopes;
        final NDArray[] scales;
        final NDArray[] rightOut;
        final NDArray[] logScales;

        Pass() {
            int layers = config.couplingLayers();
            int k = config.linearLayers();
            inputs = new NDArray[k][layers];
            slopes = config.activation().derivativeFollowsFromOutput() ? null : new NDArray[k - 1][layers];
            scales = new NDArray[layers];
            rightOut = new NDArray[layers];
            logScales = new NDArray[layers];
        }

        /**
         * Frees what the backward sweep read last in layer l. Layer l's first input is layer
         * l + 1's output z_r, freed after layer l + 1.
         */
        void release(int l) {
            for (int j = 1; j < inputs.length; j++) {
                inputs[j][l].close();
            }
            if (slopes != null) {
                for (NDArray[] slope : slopes) {
                    slope[l].close();
                }
            }
            scales[l].close();
            logScales[l].close();
            rightOut[l].close();
        }

        /** Eq. 9 of each member with its two parts, from the weighted log-scales and squared norms of z. */
        StepLoss[] losses(Batch batch) {
            int layers = logScales.length;
            NDArray[] parts = Arrays.copyOf(logScales, layers + 1);
            parts[layers] = columns[0].square().addi(columns[1].square());
            NDArray weighted = Tensors.stack(parts, -3).muli(batch.pointWeights().expandDims(1));
            float[] sums = Tensors.sum(weighted, 2).toFloatArray();
            StepLoss[] losses = new StepLoss[members];
            for (int m = 0; m < members; m++) {
                double sumLogScale = 0;
                for (int l = 0; l < layers; l++) {
                    sumLogScale += sums[m * (layers + 1) + l];
                }
                double logDet = -sumLogScale;
                double logPz = -0.5 * sums[m * (layers + 1) + layers] - LOG_2PI;
                losses[m] = new StepLoss(-(logPz + logDet), logDet, logPz);
            }
            return losses;
        }
    }

    /**
     * φ⁻¹ layer by layer from h_L down to h_1: z_r = (y_r − b) / ŝ (Eq. 4), keeping what the
     * backward sweep needs when {@code keep} is set. Coupling layer l reads column l mod 2 and
     * rewrites column (l + 1) mod 2 (the swaps are bookkeeping, see {@link CouplingFlow}).
     */
    private Pass inversePass(Batch batch, boolean keep) {
        int layers = config.couplingLayers();
        Pass pass = new Pass();
        pass.columns[(layers - 1) % 2] = batch.first();
        pass.columns[layers % 2] = batch.second();
        for (int l = layers - 1; l >= 0; l--) {
            NDArray right = pass.columns[(l + 1) % 2];
            NDArray left = pass.columns[l % 2];
            NDList out = network(left, members == 1 ? weights : transposed, biases, l, keep ? pass : null);
            if (keep) {
                pass.inputs[0][l] = left;
            }
            NDArray logScale = out.get(0);
            NDArray shift = out.get(1);
            NDArray scale = logScale.exp();
            NDArray zr = right.sub(shift).divi(scale);
            shift.close();
            pass.columns[(l + 1) % 2] = zr;
            pass.logScales[l] = logScale;
            if (keep) {
                pass.scales[l] = scale;
                pass.rightOut[l] = zr;
            } else {
                scale.close();
                if (right != batch.first() && right != batch.second()) {
                    right.close();
                }
            }
        }
        return pass;
    }

    /**
     * ∂(Eq. 9)/∂θ of every member, swept from z back to x. With g = ∂L/∂z_r of a layer and w the
     * point's weight: ∂L/∂y_r = g/ŝ, ∂L/∂b = −g/ŝ, ∂L/∂log ŝ = w − g·z_r; the network part runs on
     * the negated output gradient so that no negation is needed per layer (the mask restores the
     * sign). The weight and bias gradients of all layers of a linear are one batched product and
     * one sum over the layers' stacked activations, or, in a pack of a few members or more, one
     * product and one sum per layer as soon as its output gradient is known (the same products,
     * member by member, while the layer's arrays are still in cache).
     *
     * @return [M, P] in the layout of {@link CouplingFlow#layout}
     */
    private NDArray backward(Pass pass, NDArray pointWeights) {
        int layers = config.couplingLayers();
        int k = config.linearLayers();
        boolean layerByLayer = computesGradientsLayerByLayer();
        NDArray[] grad = {pass.columns[0].mul(pointWeights), pass.columns[1].mul(pointWeights)};
        NDArray[][] negatedOutputGrads = layerByLayer ? null : new NDArray[k][layers];
        NDArray[] pieces = layerByLayer ? new NDArray[2 * k * layers] : new NDArray[2 * k];
        for (int l = 0; l < layers; l++) {
            int leftColumn = l % 2;
            int rightColumn = (l + 1) % 2;
            NDArray gradZr = grad[rightColumn];
            NDArray gradYr = gradZr.div(pass.scales[l]);
            NDArray negGradLogScale = pass.rightOut[l].mul(gradZr).subi(pointWeights);
            gradZr.close();
            if (config.boundedLogScale()) {
                NDArray derivative = boundDerivative(pass.logScales[l]);
                negGradLogScale.muli(derivative);
                derivative.close();
            }
            NDArray n = Tensors.concat(new NDArray[] {negGradLogScale, gradYr}, -1);
            negGradLogScale.close();
            for (int j = k - 1; ; j--) {
                if (layerByLayer) {
                    layerGradient(pieces, n, pass.inputs[j][l], j, l);
                } else {
                    negatedOutputGrads[j][l] = n;
                }
                if (j == 0) {
                    break;
                }
                NDArray previous = Tensors.matmul(n, weights[j][l]);
                multiplyBySlope(previous, pass, j - 1, l);
                if (layerByLayer) {
                    n.close();
                }
                n = previous;
            }
            // the first linear reads one input: its backward is an elementwise product and a sum,
            // a product with one output column would run an MKL kernel of other rounding
            NDArray terms = n.mul(transposed[0][l]);
            NDArray gradLeftThroughNetwork = terms.sum(LAST_AXIS, true);
            terms.close();
            NDArray gradLeft = grad[leftColumn].sub(gradLeftThroughNetwork);
            gradLeftThroughNetwork.close();
            grad[leftColumn].close();
            grad[leftColumn] = gradLeft;
            grad[rightColumn] = gradYr;
            if (layerByLayer) {
                n.close();
                pass.release(l);
            }
        }
        if (!layerByLayer) {
            for (int j = 0; j < k; j++) {
                NDArray g = Tensors.stack(negatedOutputGrads[j], -3);
                NDArray a = Tensors.stack(pass.inputs[j], -3);
                pieces[2 * j] = Tensors.reshape(Tensors.matmul(Tensors.swapAxes(g, -2, -1), a), members, -1);
                pieces[2 * j + 1] = Tensors.reshape(Tensors.sum(g, -2), members, -1);
            }
        }
        return Tensors.concat(pieces, 1).muli(negatedGradientMask);
    }

    /**
     * Multiplies a gradient with respect to hidden activation j of layer l by the activation's
     * derivative there, kept from the forward pass or read off the activation itself (the input of
     * linear j + 1). The slopes are not kept where they follow from the activations: a pack of 16
     * keeps 8 MB less in a step, and the backward sweep computes them while the activation is in cache.
     */
    private void multiplyBySlope(NDArray gradient, Pass pass, int j, int l) {
        if (pass.slopes != null) {
            gradient.muli(pass.slopes[j][l]);
            return;
        }
        NDArray slope = config.activation().derivativeAtOutput(pass.inputs[j + 1][l], config.leakySlope());
        gradient.muli(slope);
        slope.close();
    }

    /**
     * The weight and bias gradients of linear j of layer l, from its negated output gradient g and
     * its input, into their places among all layers' pieces (the layout's order).
     */
    private void layerGradient(NDArray[] pieces, NDArray g, NDArray input, int j, int l) {
        int layers = config.couplingLayers();
        NDArray transposedGradient = Tensors.swapAxes(g, -2, -1);
        NDArray product = Tensors.matmul(transposedGradient, input);
        transposedGradient.close();
        pieces[2 * j * layers + l] = Tensors.reshape(product, members, -1);
        product.close();
        pieces[(2 * j + 1) * layers + l] = Tensors.sum(g, -2);
    }

    @Override
    public void close() {
        adam.close();
        manager.close();
    }
}
