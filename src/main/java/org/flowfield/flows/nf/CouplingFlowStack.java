package org.flowfield.flows.nf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.flowfield.engine.Tensors;
import org.flowfield.flows.ModelState;
import org.flowfield.flows.StepLoss;
import org.flowfield.flows.optim.StackedAdam;

/**
 * M coupling flows of one shape on a leading member axis: Eq. 9 of each, its gradient by hand and
 * Adam, in one pass of batched products. {@link CouplingFlow} is a stack of one member and
 * {@link CouplingFlowPack} a stack of many, so both train with the equations written here.
 *
 * <p>Shapes. Weights are [M, in′, out′] per linear and layer in the {@link AugmentedLayout} (plain
 * [in′, out′] when M = 1, so that a product of one member is a plain matrix product); activations
 * are [M, B, width + 1]. Every point carries a weight: 1/b for the b points of its member's batch
 * and 0 for the rows that pad a shorter batch to B, so that a member's loss and gradient are the
 * means over its own points. The padding rows repeat the member's own points, which keeps them
 * finite whenever the member's points are. Nothing is summed across members.
 *
 * <p>The constant 1. Each coordinate column of the running state is [value, 1], the input a
 * coupling network needs; the last linear's [log ŝ, 0, b, 0] map [y_r, 1] to [(y_r − b)/ŝ, 1]
 * (Eq. 4). The backward sweep also forms a gradient with respect to the constant; it only ever
 * meets weights that are zero and masked, and is never used.
 */
final class CouplingFlowStack implements AutoCloseable {

    private static final double LOG_2PI = Math.log(2 * Math.PI);
    /**
     * Products over fewer rows than this run other MKL kernels, which round differently: padded to
     * at least this many, a member's gradient has the same bits whatever the rows it is padded to,
     * alone or in a pack (checked on the machines here down to 16).
     */
    private static final int MINIMUM_ROWS = 32;

    private final CouplingFlowConfig config;
    private final AugmentedLayout layout;
    private final int members;
    private final NDManager manager;
    private final NDArray parameters;
    private final StackedAdam adam;
    private final NDArray negatedGradientMask;
    private final NDArray zero;
    private final NDArray slope;
    /** weights[j][l]: the augmented weight of linear j of layer l, a view of the parameters. */
    private final NDArray[][] weights;
    /** transposed[j][l]: the same, [M, out′, in′], for the backward sweep. */
    private final NDArray[][] transposed;

    /**
     * @param states each member's weights and optimizer state, in the stored layout
     * @param parent the manager this stack's native memory hangs from (released by {@link #close})
     */
    CouplingFlowStack(CouplingFlowConfig config, AugmentedLayout layout, List<ModelState> states, NDManager parent) {
        if (states.isEmpty()) {
            throw new IllegalArgumentException("a stack needs at least one member");
        }
        this.config = config;
        this.layout = layout;
        this.members = states.size();
        int size = layout.size();
        float[] values = new float[members * size];
        float[] first = new float[members * size];
        float[] second = new float[members * size];
        long[] steps = new long[members];
        for (int m = 0; m < members; m++) {
            ModelState state = states.get(m);
            layout.place(state.parameters(), true, values, m);
            layout.place(state.adamFirstMoment(), false, first, m);
            layout.place(state.adamSecondMoment(), false, second, m);
            steps[m] = state.optimizerSteps();
        }
        this.manager = parent.newSubManager();
        try {
            this.parameters = manager.create(values, new Shape(members, size));
            this.adam = new StackedAdam(parameters, first, second, steps);
            this.negatedGradientMask = manager.create(layout.negatedGradientMask());
            this.zero = manager.create(0f);
            this.slope = manager.create((float) config.leakySlope());
            int k = config.linearLayers();
            int layers = config.couplingLayers();
            this.weights = new NDArray[k][layers];
            this.transposed = new NDArray[k][layers];
            for (int j = 0; j < k; j++) {
                long in = layout.inputs(j);
                long out = layout.outputs(j);
                for (int l = 0; l < layers; l++) {
                    long start = layout.offset(j, l);
                    NDArray block = Tensors.slice(parameters, 1, start, start + in * out);
                    weights[j][l] = members == 1 ? Tensors.reshape(block, in, out) : Tensors.reshape(block, members, in, out);
                    transposed[j][l] = Tensors.swapAxes(weights[j][l], -2, -1);
                }
            }
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    int members() {
        return members;
    }

    /**
     * One step of every member: loss, gradient and Adam update.
     *
     * @param xy member m's points [b_m × 2] interleaved, 1 ≤ b_m ≤ rows
     * @param rows the batch size B every member is padded to
     * @return each member's loss on its own points
     */
    StepLoss[] trainStep(float[][] xy, int rows, double[] learningRates) {
        if (learningRates.length != members) {
            throw new IllegalArgumentException("expected " + members + " learning rates, got " + learningRates.length);
        }
        try (NDManager step = manager.newSubManager()) {
            Batch batch = batch(step, xy, rows);
            Pass pass = inversePass(batch, true);
            NDArray gradient = backward(pass, batch.pointWeights());
            StepLoss[] losses = pass.losses(batch.pointWeights());
            adam.step(gradient, learningRates);
            return losses;
        }
    }

    /** Each member's loss on its points, without updating anything. */
    StepLoss[] losses(float[][] xy, int rows) {
        try (NDManager scope = manager.newSubManager()) {
            Batch batch = batch(scope, xy, rows);
            return inversePass(batch, false).losses(batch.pointWeights());
        }
    }

    /** Each member's gradient of Eq. 9 on its points, in the stored layout, without updating anything. */
    float[][] gradients(float[][] xy, int rows) {
        try (NDManager scope = manager.newSubManager()) {
            Batch batch = batch(scope, xy, rows);
            float[] all = backward(inversePass(batch, true), batch.pointWeights()).toFloatArray();
            float[][] result = new float[members][];
            for (int m = 0; m < members; m++) {
                result[m] = layout.stored(all, m);
            }
            return result;
        }
    }

    /** A member's weights and optimizer state, as the member's model alone would store them. */
    ModelState state(int member) {
        if (member < 0 || member >= members) {
            throw new IndexOutOfBoundsException("no member " + member + " in a stack of " + members);
        }
        return new ModelState(layout.stored(Tensors.rowValues(parameters, member), 0), layout.stored(adam.firstMoment(member), 0),
                layout.stored(adam.secondMoment(member), 0), adam.steps(member));
    }

    /** The augmented weights [j][l] (see {@link AugmentedLayout}); live views, updated by every step. */
    NDArray[][] weights() {
        return weights;
    }

    /**
     * The coupling network f(z_l) of layer l (Eq. 3) on augmented input [z_l, 1].
     *
     * @param weights augmented weights [j][l], of this stack or copies of them
     * @return [log ŝ, 0] and [b, 0], each shaped as the input
     */
    NDList network(NDArray left, NDArray[][] weights, int l) {
        return network(left, weights, l, null);
    }

    private NDList network(NDArray left, NDArray[][] weights, int l, Pass keep) {
        int k = config.linearLayers();
        NDArray a = left;
        for (int j = 0; j < k - 1; j++) {
            if (keep != null) {
                keep.inputs[j][l] = a;
            }
            NDArray hidden = Tensors.matmul(a, weights[j][l]);
            if (keep != null) {
                keep.positive[j][l] = hidden.gt(zero);
            }
            a = Tensors.leakyRelu(hidden, config.leakySlope());
        }
        if (keep != null) {
            keep.inputs[k - 1][l] = a;
        }
        return Tensors.split(Tensors.matmul(a, weights[k - 1][l]), 2, -1);
    }

    /**
     * The members' points as two augmented coordinate columns [M, B, 2] and their weights [M, B, 2]:
     * 1/b_m on the value of each of member m's points, 0 on padding rows and on the constant.
     */
    private Batch batch(NDManager scope, float[][] xy, int rows) {
        if (xy.length != members) {
            throw new IllegalArgumentException("expected " + members + " batches, got " + xy.length);
        }
        int padded = Math.max(rows, MINIMUM_ROWS);
        int length = members * padded * 2;
        float[] first = new float[length];
        float[] second = new float[length];
        float[] pointWeights = new float[length];
        for (int m = 0; m < members; m++) {
            int count = xy[m].length / 2;
            if (count < 1 || count > rows || xy[m].length % 2 != 0) {
                throw new IllegalArgumentException(
                        "a batch must hold 1 to " + rows + " points [x, y], got " + xy[m].length + " values");
            }
            float weight = 1f / count;
            for (int r = 0; r < padded; r++) {
                int source = 2 * (r % count);
                int at = 2 * (m * padded + r);
                first[at] = xy[m][source];
                first[at + 1] = 1f;
                second[at] = xy[m][source + 1];
                second[at + 1] = 1f;
                if (r < count) {
                    pointWeights[at] = weight;
                }
            }
        }
        Shape shape = new Shape(members, padded, 2);
        return new Batch(scope.create(first, shape), scope.create(second, shape), scope.create(pointWeights, shape));
    }

    private record Batch(NDArray first, NDArray second, NDArray pointWeights) {}

    /** The activations of one pass x → z that the backward sweep needs. */
    private final class Pass {
        final NDArray[] columns = new NDArray[2];
        final NDArray[][] inputs;
        final NDArray[][] positive;
        final NDArray[] scales;
        final NDArray[] rightOut;
        final NDArray[] logScales;

        Pass() {
            int layers = config.couplingLayers();
            int k = config.linearLayers();
            inputs = new NDArray[k][layers];
            positive = new NDArray[k - 1][layers];
            scales = new NDArray[layers];
            rightOut = new NDArray[layers];
            logScales = new NDArray[layers];
        }

        /** Eq. 9 of each member with its two parts, from the weighted log-scales and squared norms of z. */
        StepLoss[] losses(NDArray pointWeights) {
            NDArray sumLogScale = Tensors.sum(Tensors.stack(logScales, -3), -3);
            NDArray squares = columns[0].square().addi(columns[1].square());
            NDArray perPoint = Tensors.stack(new NDArray[] {sumLogScale, squares}, -3)
                    .muli(pointWeights.expandDims(-3));
            float[] sums = Tensors.sum(Tensors.reshape(perPoint, members, 2, -1), 2).toFloatArray();
            StepLoss[] losses = new StepLoss[members];
            for (int m = 0; m < members; m++) {
                double logDet = -sums[2 * m];
                double logPz = -0.5 * sums[2 * m + 1] - LOG_2PI;
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
            NDList out = network(pass.columns[l % 2], weights, l, keep ? pass : null);
            NDArray logScale = out.get(0);
            NDArray scale = logScale.exp();
            NDArray zr = right.sub(out.get(1)).divi(scale);
            pass.columns[(l + 1) % 2] = zr;
            pass.logScales[l] = logScale;
            pass.scales[l] = scale;
            pass.rightOut[l] = zr;
        }
        return pass;
    }

    /**
     * ∂(Eq. 9)/∂θ of every member, swept from z back to x. With g = ∂L/∂z_r of a layer and w the
     * point's weight: ∂L/∂y_r = g/ŝ, ∂L/∂b = −g/ŝ, ∂L/∂log ŝ = w − g·z_r; the network part runs on
     * the negated output gradient so that no negation is needed per layer (the mask restores the
     * sign). The weight gradients of all layers of a linear are one batched product.
     *
     * @return [M, P′] in the augmented layout
     */
    private NDArray backward(Pass pass, NDArray pointWeights) {
        int layers = config.couplingLayers();
        int k = config.linearLayers();
        NDArray[] grad = {pass.columns[0].mul(pointWeights), pass.columns[1].mul(pointWeights)};
        NDArray[][] negatedOutputGrads = new NDArray[k][layers];
        for (int l = 0; l < layers; l++) {
            int leftColumn = l % 2;
            int rightColumn = (l + 1) % 2;
            NDArray gradZr = grad[rightColumn];
            NDArray gradYr = gradZr.div(pass.scales[l]);
            NDArray negGradLogScale = pass.rightOut[l].mul(gradZr).subi(pointWeights);
            NDArray n = Tensors.concat(new NDArray[] {negGradLogScale, gradYr}, -1);
            negatedOutputGrads[k - 1][l] = n;
            for (int j = k - 1; j >= 1; j--) {
                n = Tensors.matmul(n, transposed[j][l]);
                n = Tensors.where(pass.positive[j - 1][l], n, n.mul(slope));
                negatedOutputGrads[j - 1][l] = n;
            }
            grad[leftColumn] = grad[leftColumn].sub(Tensors.matmul(n, transposed[0][l]));
            grad[rightColumn] = gradYr;
        }
        NDArray[] pieces = new NDArray[k];
        for (int j = 0; j < k; j++) {
            NDArray g = Tensors.stack(negatedOutputGrads[j], -3);
            NDArray a = Tensors.stack(pass.inputs[j], -3);
            pieces[j] = Tensors.reshape(Tensors.matmul(Tensors.swapAxes(a, -2, -1), g), members, -1);
        }
        return Tensors.concat(pieces, 1).muli(negatedGradientMask);
    }

    @Override
    public void close() {
        adam.close();
        manager.close();
    }
}
