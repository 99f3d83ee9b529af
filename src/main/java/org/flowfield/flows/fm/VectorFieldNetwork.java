package org.flowfield.flows.fm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.flowfield.engine.Tensors;
import org.flowfield.flows.Initialization;
import org.flowfield.flows.optim.PackedParameters;
import org.flowfield.flows.optim.ParameterLayout;

/**
 * The vector field v(y, t) (or v(y, t, c)): K linear layers with an activation (LeakyReLU by
 * default) between them, reading
 * [y, t] and, for class-conditional models, an embedding of the class mixed in by the first
 * fully-connected layer (exercise §4.3). The embedding lookup is written as a one-hot product,
 * which is the same function and gives its gradient as one matrix product.
 *
 * <p>Besides the value it provides the hand-derived gradient of the flow-matching loss (checked
 * against autograd in the tests) and the exact divergence ∇·v = tr ∂v/∂y by forward-mode
 * differentiation along both coordinate directions at once.
 */
final class VectorFieldNetwork implements AutoCloseable {

    private final FlowMatchingConfig config;
    private final PackedParameters parameters;
    private final FieldTraining training;
    private final NDArray[] weights;
    private final NDArray[] biases;
    private final NDArray embedding;
    /** Columns of the first weight that read y, t and the class embedding. */
    private final NDArray firstWeightY;
    private final NDArray firstWeightT;
    private final NDArray firstWeightClass;

    VectorFieldNetwork(NDManager manager, FlowMatchingConfig config, long seed) {
        this.config = config;
        int k = config.linearLayers();
        ParameterLayout layout = layout(config);
        float[] initial = new float[layout.size()];
        SplittableRandom random = new SplittableRandom(seed);
        for (int j = 0; j < k; j++) {
            long[] shape = layout.shapes().get(2 * j);
            int out = (int) shape[0];
            int in = (int) shape[1];
            Initialization.uniform(initial, layout.offset(2 * j), out * in, in, random);
            Initialization.uniform(initial, layout.offset(2 * j + 1), out, in, random);
        }
        if (config.conditional()) {
            int offset = layout.offset(2 * k);
            for (int i = 0; i < config.classes() * config.embeddingDim(); i++) {
                initial[offset + i] = (float) random.nextGaussian();
            }
        }
        this.parameters = new PackedParameters(manager, layout, initial);
        this.training = new FieldTraining(parameters.flat(), config);
        this.weights = new NDArray[k];
        this.biases = new NDArray[k];
        for (int j = 0; j < k; j++) {
            weights[j] = training.weight(j);
            biases[j] = training.bias(j);
        }
        this.embedding = config.conditional() ? training.embedding() : null;
        this.firstWeightY = weights[0].get(new NDIndex(":, 0:2"));
        this.firstWeightT = weights[0].get(new NDIndex(":, 2"));
        this.firstWeightClass = config.conditional() ? weights[0].get(new NDIndex(":, 3:")) : null;
    }

    /** Weight j [out, in] and bias j [out] at 2j and 2j+1; the class embedding [5, E] last. */
    static ParameterLayout layout(FlowMatchingConfig config) {
        ParameterLayout.Builder builder = new ParameterLayout.Builder();
        int k = config.linearLayers();
        int width = config.hiddenWidth();
        for (int j = 0; j < k; j++) {
            int in = j == 0 ? config.inputWidth() : width;
            int out = j == k - 1 ? 2 : width;
            builder.add(out, in);
            builder.add(out);
        }
        if (config.conditional()) {
            builder.add(config.classes(), config.embeddingDim());
        }
        return builder.build();
    }

    PackedParameters parameters() {
        return parameters;
    }

    /**
     * The loss of Eq. 16 on a batch and its gradient with respect to every weight.
     *
     * @param pairs the batch's training pairs, without a member axis
     * @return {loss (scalar), flat gradient [P]}, owned by the pairs' manager
     */
    NDArray[] lossAndGradient(PairBatch pairs) {
        return training.lossAndGradient(pairs);
    }

    /** The loss of Eq. 16 alone, for validation. */
    NDArray loss(NDArray input, NDArray oneHot, NDArray target) {
        return training.loss(input, oneHot, target);
    }

    /**
     * The part of the first layer's pre-activation that depends on the class only: e(c)·W_cᵀ,
     * [N, H], computed once per integration.
     */
    /** Width of the one-hot class rows the network reads. */
    int classes() {
        return config.classes();
    }

    NDArray classBias(NDArray oneHot) {
        NDArray perClass = Tensors.linear(embedding, firstWeightClass, null);
        perClass.attach(oneHot.getManager());
        return oneHot.matMul(perClass);
    }

    /**
     * v(y, t): the first layer is evaluated as y·W_yᵀ + (b + t·w_t) [+ e(c)·W_cᵀ], so the time
     * column is never materialised.
     *
     * @param y [N, 2]
     * @param classBias from {@link #classBias}, or null
     */
    NDArray velocity(NDArray y, double t, NDArray classBias) {
        int k = config.linearLayers();
        NDArray a = activateAndFree(firstLayer(y, t, classBias));
        for (int j = 1; j < k - 1; j++) {
            NDArray hidden = Tensors.linear(a, weights[j], biases[j]);
            a.close();
            a = activateAndFree(hidden);
        }
        NDArray v = Tensors.linear(a, weights[k - 1], biases[k - 1]);
        a.close();
        return v;
    }

    /**
     * The activation of h, freeing h: each layer's arrays are freed as soon as the next is made,
     * so that the allocator hands the next layer memory that is still in the core's cache.
     */
    private NDArray activateAndFree(NDArray hidden) {
        NDArray a = activate(hidden);
        hidden.close();
        return a;
    }

    /**
     * v(y, t) and its exact divergence tr ∂v/∂y (Chen et al. 2018, Theorem 1; docs/equations.md) by
     * forward-mode differentiation along both coordinate directions. A point's pre-activations h and
     * their two tangents ∂h/∂y₀, ∂h/∂y₁ travel as one state [3, N, width], so that each layer is one
     * product of all three and one elementwise product by the activation's derivative; only row 0
     * gets the bias.
     *
     * @return {v [N, 2], ∇·v [N]}
     */
    NDArray[] velocityAndDivergence(NDArray y, double t, NDArray classBias) {
        NDManager scope = y.getManager();
        int k = config.linearLayers();
        long n = y.getShape().get(0);
        // [y; e₀; e₁] through the first layer's y columns: y·W_yᵀ, and ∂h₁/∂y_k = column k of W_y at every point
        NDArray directions = Tensors.concat(new NDArray[] {y.expandDims(0), unitDirections(scope, n)}, 0);
        NDArray state = Tensors.linear(directions, firstWeightY, null);
        directions.close();
        NDArray pre = Tensors.slice(state, 0, 0, 1).addi(timeBias(scope, t));
        if (classBias != null) {
            pre.addi(classBias);
        }
        for (int j = 1; j < k; j++) {
            NDArray slope = derivative(pre);
            NDArray input = state;
            if (config.activation().isSlopeTimesInput()) {
                input.muli(slope);
            } else {
                NDArray tangents = Tensors.slice(state, 0, 1, 3).muli(slope);
                NDArray activation = activate(pre);
                input = Tensors.concat(new NDArray[] {activation, tangents}, 0);
                activation.close();
                tangents.close();
                state.close();
            }
            slope.close();
            pre.close();
            state = Tensors.linear(input, weights[j], null);
            input.close();
            pre = Tensors.slice(state, 0, 0, 1).addi(biases[j]);
        }
        // state [3, N, 2]: v without its bias in row 0, then the rows ∂v/∂y₀ and ∂v/∂y₁
        NDArray v = Tensors.reshape(pre, n, 2);
        NDArray trace = Tensors.slice(Tensors.slice(state, 0, 1, 2), 2, 0, 1)
                .add(Tensors.slice(Tensors.slice(state, 0, 2, 3), 2, 1, 2));
        return new NDArray[] {v, Tensors.reshape(trace, n)};
    }

    /** e₀ and e₁ for each of n points, [2, n, 2]. */
    private static NDArray unitDirections(NDManager scope, long n) {
        int points = Math.toIntExact(n);
        float[] values = new float[4 * points];
        for (int i = 0; i < points; i++) {
            values[2 * i] = 1;
            values[2 * points + 2 * i + 1] = 1;
        }
        return scope.create(values, new Shape(2, n, 2));
    }

    /**
     * v(y, t) and the Hutchinson estimate εᵀ(∂v/∂y)ε averaged over probes.
     *
     * @param probes [P, N, 2] probe vectors with E[εεᵀ] = I
     * @return {v [N, 2], estimate [N]}
     */
    NDArray[] velocityAndHutchinson(NDArray y, double t, NDArray classBias, NDArray probes) {
        NDManager scope = y.getManager();
        int k = config.linearLayers();
        NDArray hidden = firstLayer(y, t, classBias);
        NDArray probesHere = Tensors.borrow(probes, scope);
        NDArray tangent = Tensors.linear(probesHere, firstWeightY, null);
        NDArray a;
        for (int j = 0; ; j++) {
            a = activate(hidden);
            tangent.muli(derivative(hidden));
            if (j + 1 == k - 1) {
                break;
            }
            hidden = Tensors.linear(a, weights[j + 1], biases[j + 1]);
            tangent = Tensors.linear(tangent, weights[j + 1], null);
        }
        NDArray v = Tensors.linear(a, weights[k - 1], biases[k - 1]);
        NDArray jacobianTimesProbe = Tensors.linear(tangent, weights[k - 1], null);
        NDArray estimate = Tensors.sum(Tensors.sum(jacobianTimesProbe.mul(probesHere), 2), 0)
                .divi(scope.create((float) probes.getShape().get(0)));
        return new NDArray[] {v, estimate};
    }

    private NDArray activate(NDArray hidden) {
        return config.activation().apply(hidden, config.leakySlope());
    }

    private NDArray derivative(NDArray hidden) {
        return config.activation().derivative(hidden, config.leakySlope());
    }

    private NDArray firstLayer(NDArray y, double t, NDArray classBias) {
        NDArray hidden = Tensors.linear(y, firstWeightY, timeBias(y.getManager(), t));
        return classBias == null ? hidden : hidden.addi(classBias);
    }

    /** The first layer's bias at time t, b + t·w_t [width]. */
    private NDArray timeBias(NDManager scope, double t) {
        return scope.create((float) t).mul(firstWeightT).addi(biases[0]);
    }

    @Override
    public void close() {
        parameters.close();
    }
}
