package org.flowfield.flows.fm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.flowfield.engine.Tensors;
import org.flowfield.flows.Activation;
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
    private final NDArray halfOneMinusSlope;
    private final NDArray halfOnePlusSlope;

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
        this.halfOneMinusSlope = manager.create((float) ((1 - config.leakySlope()) / 2));
        this.halfOnePlusSlope = manager.create((float) ((1 + config.leakySlope()) / 2));
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
        return evaluate(y, t, classBias, false)[0];
    }

    /**
     * v(y, t) and its exact divergence tr ∂v/∂y (Chen et al. 2018, Theorem 1; docs/equations.md),
     * by pushing the two tangents ∂/∂y₀ and ∂/∂y₁ through the network together as a [2, N, ·] batch.
     *
     * @return {v [N, 2], ∇·v [N]}
     */
    NDArray[] velocityAndDivergence(NDArray y, double t, NDArray classBias) {
        return evaluate(y, t, classBias, true);
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

    private NDArray[] evaluate(NDArray y, double t, NDArray classBias, boolean divergence) {
        NDManager scope = y.getManager();
        int k = config.linearLayers();
        NDArray hidden = firstLayer(y, t, classBias);
        NDArray tangent = null;
        if (divergence) {
            // ∂h₁/∂y_k is column k of W_y, the same for every point: [2, 1, H]
            tangent = Tensors.swapAxes(firstWeightY, 0, 1);
            tangent.attach(scope);
            tangent = Tensors.reshape(tangent, 2, 1, config.hiddenWidth());
        }
        NDArray a = null;
        for (int j = 0; ; j++) {
            if (divergence) {
                tangent = j == 0 ? derivative(hidden).mul(tangent) : tangent.muli(derivative(hidden));
            }
            a = activate(hidden);
            if (j + 1 == k - 1) {
                break;
            }
            hidden = Tensors.linear(a, weights[j + 1], biases[j + 1]);
            if (divergence) {
                tangent = Tensors.linear(tangent, weights[j + 1], null);
            }
        }
        NDArray v = Tensors.linear(a, weights[k - 1], biases[k - 1]);
        if (!divergence) {
            return new NDArray[] {v};
        }
        // [2, N, 2]: entry [k, n, i] = ∂v_i/∂y_k at point n; the trace picks i = k.
        NDArray jacobian = Tensors.linear(tangent, weights[k - 1], null);
        NDArray trace = Tensors.sum(Tensors.sum(jacobian.mul(diagonalSelector(scope)), 2), 0);
        return new NDArray[] {v, trace};
    }

    private NDArray activate(NDArray hidden) {
        return config.activation().apply(hidden, config.leakySlope());
    }

    /**
     * The activation's derivative at h. LeakyReLU′(h) = 1 for h &gt; 0, α for h &lt; 0, is written as
     * (1+α)/2 + (1−α)/2·sign(h): one fresh array and two in-place operations, far cheaper on large
     * batches than a boolean mask.
     */
    private NDArray derivative(NDArray hidden) {
        if (config.activation() != Activation.LEAKY_RELU) {
            return config.activation().derivative(hidden, config.leakySlope());
        }
        return hidden.sign().muli(halfOneMinusSlope).addi(halfOnePlusSlope);
    }

    private NDArray firstLayer(NDArray y, double t, NDArray classBias) {
        NDManager scope = y.getManager();
        NDArray timeBias = scope.create((float) t).mul(firstWeightT).addi(biases[0]);
        NDArray hidden = Tensors.linear(y, firstWeightY, timeBias);
        return classBias == null ? hidden : hidden.addi(classBias);
    }

    private static NDArray diagonalSelector(NDManager scope) {
        return scope.create(new float[] {1, 0, 0, 1}, new Shape(2, 1, 2));
    }

    @Override
    public void close() {
        parameters.close();
    }
}
