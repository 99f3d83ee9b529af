package org.flowfield.flows.fm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.flowfield.engine.Tensors;
import org.flowfield.flows.optim.ParameterLayout;

/**
 * The training objective of the vector field, Eq. 16 of the exercise (the batch mean of
 * ‖v(y_t, t) − u_t‖²), and its hand-derived gradient, for one network or for K networks of one
 * shape stacked on a leading member axis.
 *
 * <p>The weights are views of a flat parameter vector [P], or of a matrix [K, P] whose row i is
 * member i's vector, both laid out by {@link VectorFieldNetwork#layout}. A matrix of one row is
 * read as one network, so that a pack of one makes exactly the operations of a model alone. With
 * a member axis every tensor of the computation carries it in front ([K, B, ·]), every product is a
 * batched one and every reduction stays within a member, so members never mix, not even through a
 * non-finite value.
 *
 * <p>The views belong to the manager of the parameters; they stay valid while the parameters are
 * updated in place and go when that manager is closed.
 */
final class FieldTraining {

    private final FlowMatchingConfig config;
    /** K, or 0 when there is no member axis (one network). */
    private final int members;
    private final NDArray[] weights;
    /** Biases [out], or [K, 1, out] so that they broadcast over a member's points. */
    private final NDArray[] biases;
    private final NDArray embedding;

    /**
     * @param parameters [P], or [K, P] with row i member i's parameters
     * @param config the network's shape
     */
    FieldTraining(NDArray parameters, FlowMatchingConfig config) {
        this.config = config;
        Shape shape = parameters.getShape();
        int rows = shape.dimension() == 1 ? 1 : Math.toIntExact(shape.get(0));
        this.members = rows > 1 ? rows : 0;
        NDArray flat = shape.dimension() == 1 || members > 0 ? parameters : parameters.reshape(-1);
        ParameterLayout layout = VectorFieldNetwork.layout(config);
        int k = config.linearLayers();
        this.weights = new NDArray[k];
        this.biases = new NDArray[k];
        for (int j = 0; j < k; j++) {
            weights[j] = view(flat, layout, 2 * j, layout.shapes().get(2 * j));
            long out = layout.shapes().get(2 * j + 1)[0];
            biases[j] = view(flat, layout, 2 * j + 1, members > 0 ? new long[] {1, out} : new long[] {out});
        }
        this.embedding = config.conditional() ? view(flat, layout, 2 * k, layout.shapes().get(2 * k)) : null;
    }

    /** Tensor i of the layout, shaped [shape] for one network and [K, shape] for a stack. */
    private NDArray view(NDArray flat, ParameterLayout layout, int i, long[] tensorShape) {
        long start = layout.offset(i);
        long end = start + ParameterLayout.elements(layout.shapes().get(i));
        if (members == 0) {
            return flat.get(new NDIndex("{}:{}", start, end)).reshape(new Shape(tensorShape));
        }
        long[] stacked = new long[tensorShape.length + 1];
        stacked[0] = members;
        System.arraycopy(tensorShape, 0, stacked, 1, tensorShape.length);
        return flat.get(new NDIndex(":, {}:{}", start, end)).reshape(new Shape(stacked));
    }

    /** The weight views of one network ([out, in] and [out]); only without a member axis. */
    NDArray weight(int j) {
        requireSingle();
        return weights[j];
    }

    NDArray bias(int j) {
        requireSingle();
        return biases[j];
    }

    NDArray embedding() {
        requireSingle();
        return embedding;
    }

    private void requireSingle() {
        if (members > 0) {
            throw new IllegalStateException("a stack of " + members + " networks has no single weight");
        }
    }

    /**
     * The loss of Eq. 16 of each member and its gradient with respect to every weight, each over
     * the member's own points only.
     *
     * @param pairs the step's training pairs, with a member axis exactly when these weights have one
     * @return {loss [K] (a scalar for one network), gradient [K, P] ([P])}, owned by the pairs' manager
     */
    NDArray[] lossAndGradient(PairBatch pairs) {
        NDArray input = pairs.input();
        NDArray oneHot = pairs.oneHot();
        NDArray target = pairs.target();
        NDArray mask = pairs.mask();
        int[] counts = pairs.counts();
        int k = config.linearLayers();
        NDManager step = input.getManager();
        int last = input.getShape().dimension() - 1;
        NDArray[] inputs = new NDArray[k];
        boolean slopesFromActivations = config.activation().derivativeFollowsFromOutput();
        NDArray[] derivative = new NDArray[k - 1];
        NDArray[] forward = new NDArray[k];
        NDArray[] backward = new NDArray[k];
        for (int j = 0; j < k; j++) {
            forward[j] = forwardWeight(step, j);
            backward[j] = j > 0 || oneHot != null ? backwardWeight(step, j) : null;
        }
        NDArray a = firstInput(input, oneHot);
        for (int j = 0; j < k - 1; j++) {
            inputs[j] = a;
            NDArray hidden = affine(a, forward[j], j);
            close(forward[j]);
            if (!slopesFromActivations) {
                derivative[j] = config.activation().derivative(hidden, config.leakySlope());
            }
            a = config.activation().apply(hidden, config.leakySlope());
            hidden.close();
        }
        inputs[k - 1] = a;
        NDArray residual = affine(a, forward[k - 1], k - 1).subi(target);
        close(forward[k - 1]);
        if (mask != null) {
            residual.muli(mask);
        }
        NDArray squares = residual.square();
        NDArray loss = sumPerMember(squares).divi(pointCounts(step, counts));
        squares.close();
        NDArray g = residual.muli(twiceInverseCounts(step, counts));
        NDArray[] pieces = new NDArray[2 * k + (oneHot == null ? 0 : 1)];
        for (int j = k - 1; j >= 0; j--) {
            NDArray transposedGradient = Tensors.swapAxes(g, last - 1, last);
            NDArray product = transposedGradient.matMul(inputs[j]);
            transposedGradient.close();
            pieces[2 * j] = flatten(product);
            product.close();
            pieces[2 * j + 1] = flatten(Tensors.sum(g, last - 1));
            if (j > 0) {
                if (slopesFromActivations) {
                    derivative[j - 1] = config.activation().derivativeAtOutput(inputs[j], config.leakySlope());
                }
                if (inputs[j] != input) {
                    inputs[j].close();
                }
                NDArray previous = g.matMul(backward[j]).muli(derivative[j - 1]);
                close(backward[j]);
                derivative[j - 1].close();
                g.close();
                g = previous;
            }
        }
        if (oneHot != null) {
            NDArray gradEmbedding = Tensors.slice(g.matMul(backward[0]), last, 3, config.inputWidth());
            pieces[2 * k] = flatten(Tensors.swapAxes(oneHot, last - 1, last).matMul(gradEmbedding));
        }
        return new NDArray[] {loss, Tensors.concat(pieces, members > 0 ? 1 : 0)};
    }

    /** Frees a stack's packed weight copy; a network alone computes with its views, which stay. */
    private void close(NDArray weight) {
        if (members > 0 && weight != null) {
            weight.close();
        }
    }

    /** The loss of Eq. 16 alone, of one network on B points. */
    NDArray loss(NDArray input, NDArray oneHot, NDArray target) {
        requireSingle();
        int k = config.linearLayers();
        NDArray a = firstInput(input, oneHot);
        for (int j = 0; j < k - 1; j++) {
            a = config.activation().apply(affine(a, weights[j], j), config.leakySlope());
        }
        NDArray residual = affine(a, weights[k - 1], k - 1).subi(target);
        return sumPerMember(residual.square())
                .divi(pointCounts(input.getManager(), new int[] {Math.toIntExact(input.getShape().get(0))}));
    }

    /** [y, t] and, for a class-conditional field, the class embedding e(c) next to it. */
    private NDArray firstInput(NDArray input, NDArray oneHot) {
        if (oneHot == null) {
            return input;
        }
        return Tensors.concat(new NDArray[] {input, oneHot.matMul(embedding)}, input.getShape().dimension() - 1);
    }

    /** a·W_jᵀ + b_j: one fused call for one network, a batched product and an add for a stack. */
    private NDArray affine(NDArray a, NDArray forwardWeight, int j) {
        if (members == 0) {
            return Tensors.linear(a, forwardWeight, biases[j]);
        }
        return a.matMul(forwardWeight).addi(biases[j]);
    }

    /**
     * The right operand of layer j's forward product: W_j for one network (its linear call
     * transposes it), Wᵀ_j [K, in, out] for a stack.
     */
    private NDArray forwardWeight(NDManager step, int j) {
        if (members == 0) {
            return weights[j];
        }
        return compact(Tensors.swapAxes(Tensors.borrow(weights[j], step), 1, 2));
    }

    /** W_j, the right operand of the backward product g·W_j. */
    private NDArray backwardWeight(NDManager step, int j) {
        if (members == 0) {
            return weights[j];
        }
        return compact(Tensors.borrow(weights[j], step));
    }

    /**
     * A packed copy of a stacked weight view. The views step over whole rows of [K, P], and the
     * batched products run about twice as fast on packed operands, far more than the copy costs.
     * (A copy of such a strided view is laid out contiguously.)
     */
    private static NDArray compact(NDArray view) {
        return view.duplicate();
    }

    private NDArray sumPerMember(NDArray x) {
        return members == 0 ? x.sum() : Tensors.sum(x, 1, 2);
    }

    private NDArray flatten(NDArray x) {
        return members == 0 ? Tensors.reshape(x, -1) : Tensors.reshape(x, members, -1);
    }

    /** Each member's number of points: a scalar for one network, else [K]. */
    private NDArray pointCounts(NDManager step, int[] counts) {
        if (members == 0) {
            return step.create((float) counts[0]);
        }
        float[] values = new float[members];
        for (int i = 0; i < members; i++) {
            values[i] = counts[i];
        }
        return step.create(values, new Shape(members));
    }

    /** 2 / count, the factor of ∂L/∂v: a scalar for one network, else [K, 1, 1]. */
    private NDArray twiceInverseCounts(NDManager step, int[] counts) {
        if (members == 0) {
            return step.create(2f / counts[0]);
        }
        float[] values = new float[members];
        for (int i = 0; i < members; i++) {
            values[i] = 2f / counts[i];
        }
        return step.create(values, new Shape(members, 1, 1));
    }
}
