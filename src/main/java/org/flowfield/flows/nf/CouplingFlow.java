package org.flowfield.flows.nf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.flowfield.data.PointCloud;
import org.flowfield.engine.Tensors;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.FlowModel;
import org.flowfield.flows.Initialization;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.ModelState;
import org.flowfield.flows.StandardNormal;
import org.flowfield.flows.StepLoss;
import org.flowfield.flows.TrainingBatch;
import org.flowfield.flows.optim.Adam;
import org.flowfield.flows.optim.PackedParameters;
import org.flowfield.flows.optim.ParameterLayout;

/**
 * A normalizing flow φ = h_L ∘ P ∘ … ∘ P ∘ h_1 of affine coupling layers h_l with a coordinate
 * swap P between each two (exercise §3.1, Eqs. 1–9), for 2-D points.
 *
 * <p>Layout. Each coupling layer has two networks f(z_l) → (log ŝ, b) of K linear layers with
 * LeakyReLU between them (Eq. 3). Both are stored as one network of twice the width whose
 * weights are block-diagonal: the off-diagonal blocks start at zero and their gradient is masked,
 * so they stay exactly zero and the two networks never see each other's activations. The swap P
 * is bookkeeping of which coordinate is a layer's z_l (no copy). Weight and bias gradients of all
 * layers are formed in one batched product per linear position after the backward sweep; the
 * backward pass is derived by hand (checked against autograd in the tests) because autograd
 * bookkeeping costs about as much as the arithmetic for networks this small.
 *
 * <p>Coordinates. In the flow's own order a layer maps (z_l, z_r) ↦ (z_l, y_r). With the swaps,
 * coupling layer l (0-based) reads column l mod 2 of the running state and rewrites column
 * (l + 1) mod 2, and a 2-D point "after layer l" is (column l mod 2, column (l + 1) mod 2).
 */
public final class CouplingFlow implements FlowModel {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final CouplingFlowConfig config;
    private final NDManager manager;
    private final PackedParameters parameters;
    private final Adam adam;
    /** −1 where a gradient entry belongs to a diagonal block, 0 off it: masks and negates at once. */
    private final NDArray negatedGradientMask;
    private final NDArray zero;
    private final NDArray slope;
    /** weights[j][l]: linear j of layer l, [out_j, in_j]; biases[j][l]: [out_j]. */
    private final NDArray[][] weights;
    private final NDArray[][] biases;

    public CouplingFlow(CouplingFlowConfig config, long seed) {
        this.config = config;
        this.manager = TorchRuntime.get().newManager();
        ParameterLayout layout = layout(config);
        float[] initial = new float[layout.size()];
        float[] mask = new float[layout.size()];
        initialise(config, layout, initial, mask, new SplittableRandom(seed));
        this.parameters = new PackedParameters(manager.newSubManager(), layout, initial);
        this.adam = new Adam(parameters);
        this.negatedGradientMask = manager.create(mask);
        this.zero = manager.create(0f);
        this.slope = manager.create((float) config.leakySlope());
        int k = config.linearLayers();
        int layers = config.couplingLayers();
        this.weights = new NDArray[k][layers];
        this.biases = new NDArray[k][layers];
        for (int j = 0; j < k; j++) {
            for (int l = 0; l < layers; l++) {
                weights[j][l] = parameters.view(2 * j).get(l);
                biases[j][l] = parameters.view(2 * j + 1).get(l);
            }
        }
    }

    public CouplingFlowConfig config() {
        return config;
    }

    @Override
    public ModelFamily family() {
        return ModelFamily.NORMALIZING_FLOW;
    }

    /** Weight j is [L, out_j, in_j] and bias j is [L, out_j], for j = 0..K−1, at index 2j and 2j+1. */
    static ParameterLayout layout(CouplingFlowConfig config) {
        ParameterLayout.Builder builder = new ParameterLayout.Builder();
        int k = config.linearLayers();
        int width = 2 * config.hiddenWidth();
        for (int j = 0; j < k; j++) {
            int in = j == 0 ? 1 : width;
            int out = j == k - 1 ? 2 : width;
            builder.add(config.couplingLayers(), out, in);
            builder.add(config.couplingLayers(), out);
        }
        return builder.build();
    }

    /**
     * Row r of linear j belongs to the log-scale network when r lies in the first half of the
     * outputs (first output for the last linear), to the shift network otherwise; a weight reads
     * only inputs of its own network (every input, for the first linear, which reads z_l).
     */
    private static void initialise(
            CouplingFlowConfig config, ParameterLayout layout, float[] values, float[] mask, SplittableRandom random) {
        int k = config.linearLayers();
        int h = config.hiddenWidth();
        for (int l = 0; l < config.couplingLayers(); l++) {
            for (int net = 0; net < 2; net++) {
                for (int j = 0; j < k; j++) {
                    int in = j == 0 ? 1 : 2 * h;
                    int out = j == k - 1 ? 2 : 2 * h;
                    int netOut = j == k - 1 ? 1 : h;
                    int netIn = j == 0 ? 1 : h;
                    int weightBase = layout.offset(2 * j) + l * out * in;
                    int biasBase = layout.offset(2 * j + 1) + l * out;
                    for (int r = 0; r < netOut; r++) {
                        int row = net * netOut + r;
                        int col0 = j == 0 ? 0 : net * h;
                        Initialization.uniform(values, weightBase + row * in + col0, netIn, netIn, random);
                        for (int c = 0; c < netIn; c++) {
                            mask[weightBase + row * in + col0 + c] = -1f;
                        }
                    }
                    Initialization.uniform(values, biasBase + net * netOut, netOut, netIn, random);
                    for (int r = 0; r < netOut; r++) {
                        mask[biasBase + net * netOut + r] = -1f;
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Training: Eq. 9, its gradient by hand, and Adam.

    @Override
    public StepLoss trainStep(TrainingBatch batch, double learningRate) {
        try (NDManager step = manager.newSubManager()) {
            int b = batch.size();
            NDArray x = step.create(batch.xy(), new Shape(b, 2));
            Pass pass = inversePass(step, x, true);
            NDArray inverseBatch = step.create(1f / b);
            NDArray gradient = backward(pass, inverseBatch);
            StepLoss loss = pass.loss(b);
            adam.step(gradient, learningRate);
            return loss;
        }
    }

    /** The flat gradient of Eq. 9 on a batch, without updating anything (tests compare it with autograd). */
    float[] lossGradient(float[] xy) {
        try (NDManager step = manager.newSubManager()) {
            int b = xy.length / 2;
            Pass pass = inversePass(step, step.create(xy, new Shape(b, 2)), true);
            return backward(pass, step.create(1f / b)).toFloatArray();
        }
    }

    /** The current weights in layout order (see {@link #layout}). */
    float[] weights() {
        return parameters.toArray();
    }

    @Override
    public StepLoss validationLoss(PointCloud points, long seed) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(points.xy(), new Shape(points.size(), 2));
            return inversePass(scope, x, false).loss(points.size());
        }
    }

    /** The activations of one pass x → z that the backward sweep needs. */
    private final class Pass {
        final NDArray[] columns = new NDArray[2];
        final NDArray[][] inputs;
        final NDArray[][] positive;
        final NDArray[] scales;
        final NDArray[] rightOut;
        final NDArray[] logScales;

        Pass(int layers, int k) {
            inputs = new NDArray[k][layers];
            positive = new NDArray[k - 1][layers];
            scales = new NDArray[layers];
            rightOut = new NDArray[layers];
            logScales = new NDArray[layers];
        }

        /** Eq. 9 with its two parts, from the summed log-scales and the squared norm of z. */
        StepLoss loss(int b) {
            NDArray sumLogScale = Tensors.stack(logScales, 0).sum();
            NDArray sumSquares = columns[0].square().sum().add(columns[1].square().sum());
            float[] sums = Tensors.stack(new NDArray[] {sumLogScale, sumSquares}, 0).toFloatArray();
            double logDet = -sums[0] / b;
            double logPz = -0.5 * sums[1] / b - LOG_2PI;
            return new StepLoss(-(logPz + logDet), logDet, logPz);
        }
    }

    /**
     * φ⁻¹ layer by layer from h_L down to h_1: z_r = (y_r − b) / ŝ (Eq. 4), keeping what the
     * backward sweep needs when {@code keep} is set.
     */
    private Pass inversePass(NDManager scope, NDArray x, boolean keep) {
        int layers = config.couplingLayers();
        int k = config.linearLayers();
        Pass pass = new Pass(layers, k);
        NDList xs = Tensors.split(x, 1, 1);
        pass.columns[(layers - 1) % 2] = xs.get(0);
        pass.columns[layers % 2] = xs.get(1);
        for (int l = layers - 1; l >= 0; l--) {
            NDArray left = pass.columns[l % 2];
            NDArray right = pass.columns[(l + 1) % 2];
            NDArray a = left;
            for (int j = 0; j < k - 1; j++) {
                if (keep) {
                    pass.inputs[j][l] = a;
                }
                NDArray hidden = Tensors.linear(a, weights[j][l], biases[j][l]);
                if (keep) {
                    pass.positive[j][l] = hidden.gt(zero);
                }
                a = Tensors.leakyRelu(hidden, config.leakySlope());
            }
            if (keep) {
                pass.inputs[k - 1][l] = a;
            }
            NDList out = Tensors.split(Tensors.linear(a, weights[k - 1][l], biases[k - 1][l]), 1, 1);
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
     * ∂(Eq. 9)/∂θ for the batch mean, swept from z back to x. With g = ∂L/∂z_r of a layer:
     * ∂L/∂y_r = g/ŝ, ∂L/∂b = −g/ŝ, ∂L/∂log ŝ = 1/B − g·z_r; the network part runs on the negated
     * output gradient so that no negation is needed per layer (the mask restores the sign).
     */
    private NDArray backward(Pass pass, NDArray inverseBatch) {
        int layers = config.couplingLayers();
        int k = config.linearLayers();
        NDArray[] grad = {pass.columns[0].mul(inverseBatch), pass.columns[1].mul(inverseBatch)};
        NDArray[][] negatedOutputGrads = new NDArray[k][layers];
        for (int l = 0; l < layers; l++) {
            int leftColumn = l % 2;
            int rightColumn = (l + 1) % 2;
            NDArray gradZr = grad[rightColumn];
            NDArray gradYr = gradZr.div(pass.scales[l]);
            NDArray negGradLogScale = pass.rightOut[l].mul(gradZr).subi(inverseBatch);
            NDArray n = Tensors.concat(new NDArray[] {negGradLogScale, gradYr}, 1);
            negatedOutputGrads[k - 1][l] = n;
            for (int j = k - 1; j >= 1; j--) {
                n = n.matMul(weights[j][l]);
                n = Tensors.where(pass.positive[j - 1][l], n, n.mul(slope));
                negatedOutputGrads[j - 1][l] = n;
            }
            grad[leftColumn] = grad[leftColumn].sub(n.matMul(weights[0][l]));
            grad[rightColumn] = gradYr;
        }
        NDArray[] pieces = new NDArray[2 * k];
        for (int j = 0; j < k; j++) {
            NDArray g = Tensors.stack(negatedOutputGrads[j], 0);
            NDArray a = Tensors.stack(pass.inputs[j], 0);
            pieces[2 * j] = Tensors.reshape(Tensors.swapAxes(g, 1, 2).matMul(a), -1);
            pieces[2 * j + 1] = Tensors.reshape(Tensors.sum(g, 1), -1);
        }
        return Tensors.concat(pieces, 0).muli(negatedGradientMask);
    }

    // ---------------------------------------------------------------------------------------
    // Sampling and densities.

    /** φ(z) for z ~ N(0, I) drawn from the seed: one pass of the forward map (docs/figures.md). */
    @Override
    public float[] sample(int count, int[] classes, long seed) {
        float[][] states = forwardLayers(StandardNormal.draw(count, seed));
        return states[states.length - 1];
    }

    /**
     * The forward map layer by layer, y_r = exp(log ŝ) ⊙ z_r + b (Eq. 3).
     *
     * @param z points [N × 2] interleaved
     * @return L + 1 states [N × 2]: the input, then the point after each coupling layer (the last is x)
     */
    public float[][] forwardLayers(float[] z) {
        int layers = config.couplingLayers();
        int n = z.length / 2;
        float[][] states = new float[layers + 1][];
        states[0] = z.clone();
        try (NDManager scope = manager.newSubManager()) {
            NDList zs = Tensors.split(scope.create(z, new Shape(n, 2)), 1, 1);
            NDArray[] columns = {zs.get(0), zs.get(1)};
            for (int l = 0; l < layers; l++) {
                NDArray[] shiftAndLogScale = network(columns[l % 2], weights, biases, l);
                columns[(l + 1) % 2] =
                        columns[(l + 1) % 2].mul(shiftAndLogScale[1].exp()).addi(shiftAndLogScale[0]);
                states[l + 1] = interleave(columns[l % 2], columns[(l + 1) % 2]);
            }
        }
        return states;
    }

    /**
     * The inverse map layer by layer with the log-determinant of Eq. 8 and log p(x) of Eq. 2,
     * evaluated in double precision: away from the data the inverse of an affine coupling flow
     * expands by exp(−log ŝ) per layer and leaves single precision within a few layers. Where it
     * leaves even double precision the density is reported as 0 (log p = −∞).
     *
     * @param x points [N × 2] interleaved
     * @return the states (x, then after undoing h_L, …, h_1; the last is z) and log p(x) per point
     */
    public InverseTrace inverseLayers(float[] x) {
        int layers = config.couplingLayers();
        int k = config.linearLayers();
        int n = x.length / 2;
        float[][] states = new float[layers + 1][];
        states[0] = x.clone();
        try (NDManager scope = manager.newSubManager()) {
            NDArray[][] w = new NDArray[k][layers];
            NDArray[][] b = new NDArray[k][layers];
            for (int j = 0; j < k; j++) {
                for (int l = 0; l < layers; l++) {
                    w[j][l] = inDoublePrecision(weights[j][l], scope);
                    b[j][l] = inDoublePrecision(biases[j][l], scope);
                }
            }
            NDList xs = Tensors.split(scope.create(x, new Shape(n, 2)).toType(DataType.FLOAT64, false), 1, 1);
            NDArray[] columns = new NDArray[2];
            columns[(layers - 1) % 2] = xs.get(0);
            columns[layers % 2] = xs.get(1);
            NDArray logDet = scope.zeros(new Shape(n, 1), DataType.FLOAT64);
            for (int l = layers - 1; l >= 0; l--) {
                NDArray[] shiftAndLogScale = network(columns[l % 2], w, b, l);
                columns[(l + 1) % 2] =
                        columns[(l + 1) % 2].sub(shiftAndLogScale[0]).divi(shiftAndLogScale[1].exp());
                // Eq. 6 in log space: log|det ∂h⁻¹/∂y| = −Σ log ŝ
                logDet = logDet.sub(shiftAndLogScale[1]);
                // the same point the forward pass shows after layer l − 1 (z itself for l = 0)
                states[layers - l] = l == 0
                        ? interleave(columns[0], columns[1])
                        : interleave(columns[(l + 1) % 2], columns[l % 2]);
            }
            double[] logDets = logDet.toDoubleArray();
            double[] z = Tensors.concat(new NDArray[] {columns[0], columns[1]}, 1).toDoubleArray();
            double[] logP = new double[n];
            for (int i = 0; i < n; i++) {
                double value = StandardNormal.logDensity(z[2 * i], z[2 * i + 1]) + logDets[i];
                logP[i] = Double.isNaN(value) || value == Double.POSITIVE_INFINITY ? Double.NEGATIVE_INFINITY : value;
            }
            return new InverseTrace(states, logP);
        }
    }

    private static NDArray inDoublePrecision(NDArray parameter, NDManager scope) {
        NDArray copy = parameter.toType(DataType.FLOAT64, true);
        copy.attach(scope);
        return copy;
    }

    @Override
    public double[] logLikelihood(PointCloud points) {
        return inverseLayers(points.xy()).logLikelihood();
    }

    /** The coupling network f(z_l) of layer l with the given weights: returns {b, log ŝ}, each [N, 1]. */
    private NDArray[] network(NDArray left, NDArray[][] w, NDArray[][] b, int l) {
        int k = config.linearLayers();
        NDArray a = left;
        for (int j = 0; j < k - 1; j++) {
            a = Tensors.leakyRelu(Tensors.linear(a, w[j][l], b[j][l]), config.leakySlope());
        }
        NDList out = Tensors.split(Tensors.linear(a, w[k - 1][l], b[k - 1][l]), 1, 1);
        return new NDArray[] {out.get(1), out.get(0)};
    }

    private static float[] interleave(NDArray first, NDArray second) {
        NDArray pair = Tensors.concat(new NDArray[] {first, second}, 1);
        return pair.getDataType() == DataType.FLOAT32 ? pair.toFloatArray() : pair.toType(DataType.FLOAT32, false).toFloatArray();
    }

    @Override
    public ModelState state() {
        return new ModelState(parameters.toArray(), adam.firstMoment(), adam.secondMoment(), adam.steps());
    }

    @Override
    public void restore(ModelState state) {
        parameters.load(state.parameters());
        adam.restore(state.adamFirstMoment(), state.adamSecondMoment(), state.optimizerSteps());
    }

    @Override
    public void close() {
        adam.close();
        parameters.close();
        manager.close();
    }
}
