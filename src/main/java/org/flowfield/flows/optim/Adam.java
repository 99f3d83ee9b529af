package org.flowfield.flows.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

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
 * calls whatever the number of tensors.
 *
 * <p>With {@link OptimizerSettings} the gradient is first clipped to its global norm, and AdamW's
 * decoupled decay θ ← θ·(1 − lr·λ) comes before the update, in PyTorch's order.
 */
public final class Adam implements AutoCloseable {

    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPSILON = 1e-8;

    private final PackedParameters parameters;
    private final OptimizerSettings[] settings;
    private final NDManager stateManager;
    private final NDArray firstMoment;
    private final NDArray secondMoment;
    private final NDArray beta1;
    private final NDArray oneMinusBeta1;
    private final NDArray beta2;
    private final NDArray oneMinusBeta2;
    private final NDArray epsilon;
    private long step;

    public Adam(PackedParameters parameters) {
        this(parameters, OptimizerSettings.ADAM);
    }

    public Adam(PackedParameters parameters, OptimizerSettings settings) {
        this.parameters = parameters;
        this.settings = new OptimizerSettings[] {settings};
        this.stateManager = parameters.manager().newSubManager();
        int size = parameters.layout().size();
        this.firstMoment = stateManager.zeros(new ai.djl.ndarray.types.Shape(size));
        this.secondMoment = stateManager.zeros(new ai.djl.ndarray.types.Shape(size));
        this.beta1 = stateManager.create((float) BETA1);
        this.oneMinusBeta1 = stateManager.create((float) (1 - BETA1));
        this.beta2 = stateManager.create((float) BETA2);
        this.oneMinusBeta2 = stateManager.create((float) (1 - BETA2));
        this.epsilon = stateManager.create((float) EPSILON);
    }

    /**
     * One update of every parameter.
     *
     * @param gradient flat gradient [P], owned by the caller's step manager
     * @param learningRate this step's learning rate
     */
    public void step(NDArray gradient, double learningRate) {
        step++;
        NDManager scratch = gradient.getManager();
        RowTerms.clip(gradient, settings);
        RowTerms.decay(parameters.flat(), settings, new double[] {learningRate}, scratch);
        firstMoment.muli(beta1).addi(gradient.mul(oneMinusBeta1));
        secondMoment.muli(beta2).addi(gradient.mul(gradient).muli(oneMinusBeta2));
        double biasCorrection1 = 1 - Math.pow(BETA1, step);
        double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(BETA2, step));
        NDArray denominator = secondMoment.sqrt();
        denominator.attach(scratch);
        denominator.divi(scratch.create((float) biasCorrection2Sqrt)).addi(epsilon);
        NDArray update = firstMoment.div(denominator);
        update.attach(scratch);
        update.muli(scratch.create((float) (learningRate / biasCorrection1)));
        parameters.flat().subi(update);
    }

    /** Number of updates made so far (the t of the bias corrections). */
    public long steps() {
        return step;
    }

    public float[] firstMoment() {
        return firstMoment.toFloatArray();
    }

    public float[] secondMoment() {
        return secondMoment.toFloatArray();
    }

    /** Restores a saved state exactly (moments and step count). */
    public void restore(float[] first, float[] second, long steps) {
        int size = parameters.layout().size();
        if (first.length != size || second.length != size || steps < 0) {
            throw new IllegalArgumentException("optimizer state does not match the model's " + size + " parameters");
        }
        PackedParameters.overwrite(firstMoment, first);
        PackedParameters.overwrite(secondMoment, second);
        this.step = steps;
    }

    @Override
    public void close() {
        stateManager.close();
    }
}
