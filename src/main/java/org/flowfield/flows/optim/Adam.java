package org.flowfield.flows.optim;

import ai.djl.ndarray.NDArray;

/**
 * Adam (Kingma and Ba, 2015) on a packed parameter vector, with PyTorch's defaults and its exact
 * update order:
 *
 * <pre>
 * m ← β1·m + (1 − β1)·g
 * v ← β2·v + (1 − β2)·g²
 * θ ← θ − (lr / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + ε)
 * </pre>
 *
 * <p>All state lives in two flat vectors next to the parameters, so one step is a dozen native
 * calls whatever the number of tensors. The update itself is {@link RowwiseAdam}'s, for a model
 * that is a single row, so that a model trained alone and one trained in a pack move alike.
 *
 * <p>With {@link OptimizerSettings} the gradient is first clipped to its global norm, and AdamW's
 * decoupled decay θ ← θ·(1 − lr·λ) comes before the update, in PyTorch's order.
 */
public final class Adam implements AutoCloseable {

    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPSILON = 1e-8;

    private final PackedParameters parameters;
    private final OptimizerSettings settings;
    private RowwiseAdam update;

    public Adam(PackedParameters parameters) {
        this(parameters, OptimizerSettings.ADAM);
    }

    public Adam(PackedParameters parameters, OptimizerSettings settings) {
        this.parameters = parameters;
        this.settings = settings;
        int size = parameters.layout().size();
        this.update = newUpdate(new float[size], new float[size], 0);
    }

    /**
     * One update of every parameter.
     *
     * @param gradient flat gradient [P], owned by the caller's step manager
     * @param learningRate this step's learning rate
     */
    public void step(NDArray gradient, double learningRate) {
        update.step(gradient, new double[] {learningRate});
    }

    /** Number of updates made so far (the t of the bias corrections). */
    public long steps() {
        return update.steps(0);
    }

    public float[] firstMoment() {
        return update.firstMoment(0);
    }

    public float[] secondMoment() {
        return update.secondMoment(0);
    }

    /** Restores a saved state exactly (moments and step count). */
    public void restore(float[] first, float[] second, long steps) {
        int size = parameters.layout().size();
        if (first.length != size || second.length != size || steps < 0) {
            throw new IllegalArgumentException("optimizer state does not match the model's " + size + " parameters");
        }
        RowwiseAdam restored = newUpdate(first, second, steps);
        update.close();
        update = restored;
    }

    private RowwiseAdam newUpdate(float[] first, float[] second, long steps) {
        return new RowwiseAdam(parameters.flat(), first, second, new long[] {steps}, new OptimizerSettings[] {settings}, false);
    }

    @Override
    public void close() {
        update.close();
    }
}
