package org.flowfield.flows.nf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
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
import org.flowfield.flows.optim.OptimizerSettings;
import org.flowfield.flows.optim.ParameterLayout;

/**
 * A normalizing flow φ = h_L ∘ P ∘ … ∘ P ∘ h_1 of affine coupling layers h_l with a coordinate
 * swap P between each two (exercise §3.1, Eqs. 1–9), for 2-D points.
 *
 * <p>Layout. Each coupling layer has two networks f(z_l) → (log ŝ, b) of K linear layers with
 * the configured activation between them (Eq. 3; LeakyReLU by default) and, when the
 * configuration bounds it, log ŝ = B·tanh(log ŝ_raw / B). Both are stored as one network of twice the width whose
 * weights are block-diagonal: the off-diagonal blocks start at zero and their gradient is masked,
 * so they stay exactly zero and the two networks never see each other's activations. The swap P
 * is bookkeeping of which coordinate is a layer's z_l (no copy). Weight and bias gradients of all
 * layers are formed in one batched product per linear position after the backward sweep; the
 * backward pass is derived by hand (checked against autograd in the tests) because autograd
 * bookkeeping costs about as much as the arithmetic for networks this small.
 *
 * <p>Training. A flow trains as a {@link CouplingFlowStack} of one member, the computation a
 * {@link CouplingFlowPack} runs for many, so that a flow gives the same numbers alone and packed.
 *
 * <p>Coordinates. In the flow's own order a layer maps (z_l, z_r) ↦ (z_l, y_r). With the swaps,
 * coupling layer l (0-based) reads column l mod 2 of the running state and rewrites column
 * (l + 1) mod 2, and a 2-D point "after layer l" is (column l mod 2, column (l + 1) mod 2).
 */
public final class CouplingFlow implements FlowModel {

    private final CouplingFlowConfig config;
    private final OptimizerSettings optimizer;
    private final NDManager manager;
    private CouplingFlowStack stack;

    public CouplingFlow(CouplingFlowConfig config, long seed) {
        this(config, OptimizerSettings.ADAM, seed);
    }

    /** @param optimizer the weight decay and gradient clipping of its Adam steps */
    public CouplingFlow(CouplingFlowConfig config, OptimizerSettings optimizer, long seed) {
        this.config = config;
        this.optimizer = optimizer;
        this.manager = TorchRuntime.get().newManager();
        float[] initial = initialValues(config, new SplittableRandom(seed));
        ModelState untrained = new ModelState(initial, new float[initial.length], new float[initial.length], 0);
        try {
            this.stack = new CouplingFlowStack(config, List.of(untrained), List.of(optimizer), manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    public CouplingFlowConfig config() {
        return config;
    }

    public OptimizerSettings optimizer() {
        return optimizer;
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

    /** PyTorch's initialisation of each of the two networks of every layer; off-diagonal blocks 0. */
    private static float[] initialValues(CouplingFlowConfig config, SplittableRandom random) {
        float[] values = new float[layout(config).size()];
        forEachDiagonalBlock(config, (weight, in, rows, cols, bias) -> {
            for (int r = 0; r < rows; r++) {
                Initialization.uniform(values, weight + r * in, cols, cols, random);
            }
            Initialization.uniform(values, bias, rows, cols, random);
        });
        return values;
    }

    /** −1 on the diagonal blocks and biases, 0 on the off-diagonal blocks (layout of {@link #layout}). */
    static float[] negatedDiagonalMask(CouplingFlowConfig config) {
        float[] mask = new float[layout(config).size()];
        forEachDiagonalBlock(config, (weight, in, rows, cols, bias) -> {
            for (int r = 0; r < rows; r++) {
                java.util.Arrays.fill(mask, weight + r * in, weight + r * in + cols, -1f);
            }
            java.util.Arrays.fill(mask, bias, bias + rows, -1f);
        });
        return mask;
    }

    /**
     * One network's block of one linear: its first weight (row stride {@code in}), its rows and
     * columns, and its first bias.
     */
    private interface DiagonalBlock {
        void visit(int weight, int in, int rows, int cols, int bias);
    }

    /**
     * Row r of linear j belongs to the log-scale network when r lies in the first half of the
     * outputs (first output for the last linear), to the shift network otherwise; a weight reads
     * only inputs of its own network (every input, for the first linear, which reads z_l). Blocks
     * come in the order their initial values are drawn.
     */
    private static void forEachDiagonalBlock(CouplingFlowConfig config, DiagonalBlock block) {
        ParameterLayout layout = layout(config);
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
                    int col0 = j == 0 ? 0 : net * h;
                    block.visit(weightBase + net * netOut * in + col0, in, netOut, netIn, biasBase + net * netOut);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Training: Eq. 9, its gradient by hand, and Adam, as a stack of one (CouplingFlowStack).

    @Override
    public StepLoss trainStep(TrainingBatch batch, double learningRate) {
        return stack.trainStep(new float[][] {batch.xy()}, batch.size(), new double[] {learningRate})[0];
    }

    /** The flat gradient of Eq. 9 on a batch, without updating anything (tests compare it with autograd). */
    float[] lossGradient(float[] xy) {
        return stack.gradients(new float[][] {xy}, xy.length / 2)[0];
    }

    /** The current weights in layout order (see {@link #layout}). */
    float[] weights() {
        return state().parameters();
    }

    @Override
    public StepLoss validationLoss(PointCloud points, long seed) {
        return stack.losses(new float[][] {points.xy()}, points.size())[0];
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
                NDList logScaleAndShift = stack.network(columns[l % 2], stack.weights(), stack.biases(), l);
                columns[(l + 1) % 2] =
                        columns[(l + 1) % 2].mul(logScaleAndShift.get(0).exp()).addi(logScaleAndShift.get(1));
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
                    w[j][l] = inDoublePrecision(stack.weights()[j][l], scope);
                    b[j][l] = inDoublePrecision(stack.biases()[j][l], scope);
                }
            }
            NDList xs = Tensors.split(scope.create(x, new Shape(n, 2)).toType(DataType.FLOAT64, false), 1, 1);
            NDArray[] columns = new NDArray[2];
            columns[(layers - 1) % 2] = xs.get(0);
            columns[layers % 2] = xs.get(1);
            NDArray logDet = scope.zeros(new Shape(n, 1), DataType.FLOAT64);
            for (int l = layers - 1; l >= 0; l--) {
                NDList logScaleAndShift = stack.network(columns[l % 2], w, b, l);
                columns[(l + 1) % 2] =
                        columns[(l + 1) % 2].sub(logScaleAndShift.get(1)).divi(logScaleAndShift.get(0).exp());
                // Eq. 6 in log space: log|det ∂h⁻¹/∂y| = −Σ log ŝ
                logDet = logDet.sub(logScaleAndShift.get(0));
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

    private static float[] interleave(NDArray first, NDArray second) {
        NDArray pair = Tensors.concat(new NDArray[] {first, second}, 1);
        return pair.getDataType() == DataType.FLOAT32 ? pair.toFloatArray() : pair.toType(DataType.FLOAT32, false).toFloatArray();
    }

    @Override
    public ModelState state() {
        return stack.state(0);
    }

    @Override
    public void restore(ModelState state) {
        CouplingFlowStack restored = new CouplingFlowStack(config, List.of(state), List.of(optimizer), manager);
        stack.close();
        stack = restored;
    }

    @Override
    public void close() {
        stack.close();
        manager.close();
    }
}
