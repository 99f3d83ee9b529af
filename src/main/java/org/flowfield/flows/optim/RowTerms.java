package org.flowfield.flows.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The two additions of {@link OptimizerSettings} to an Adam step, for a flat vector [P] or for
 * rows [K, P] with each row's own settings. Rows whose setting is off are left as they are, and
 * when no row uses a setting nothing is computed at all, so Adam stays Adam bit for bit.
 */
final class RowTerms {

    private RowTerms() {}

    /**
     * Scales each row of the gradient whose Euclidean norm exceeds its row's limit down to it
     * (by c / (‖g‖ + 10⁻⁶)); the norm of a row is over all of that row's parameters.
     *
     * @param gradient [P] or [K, P], scaled in place
     */
    static void clip(NDArray gradient, OptimizerSettings[] rows) {
        boolean any = false;
        for (OptimizerSettings row : rows) {
            any |= row.clips();
        }
        if (!any) {
            return;
        }
        NDManager scratch = gradient.getManager();
        float[] norms = gradient.square().sum(new int[] {-1}, true).sqrt().toFloatArray();
        float[] factors = new float[rows.length];
        for (int k = 0; k < rows.length; k++) {
            double limit = rows[k].maxGradientNorm();
            factors[k] = rows[k].clips()
                    ? (float) Math.min(1, limit / (norms[k] + OptimizerSettings.CLIP_EPSILON))
                    : 1f;
        }
        gradient.muli(perRow(scratch, factors, gradient.getShape()));
    }

    /**
     * AdamW's decoupled decay θ ← θ·(1 − η·λ) of each row with its own learning rate η and λ.
     *
     * @param parameters [P] or [K, P], decayed in place
     * @param scratch where the factors live for this step
     */
    static void decay(NDArray parameters, OptimizerSettings[] rows, double[] learningRates, NDManager scratch) {
        boolean any = false;
        for (OptimizerSettings row : rows) {
            any |= row.decays();
        }
        if (!any) {
            return;
        }
        float[] factors = new float[rows.length];
        for (int k = 0; k < rows.length; k++) {
            factors[k] = (float) (1 - learningRates[k] * rows[k].weightDecay());
        }
        parameters.muli(perRow(scratch, factors, parameters.getShape()));
    }

    /**
     * Adam's moments in place: m ← β1·m + (1 − β1)·g and v ← β2·v + (1 − β2)·g², freeing the
     * step's temporaries at once (the β's are the caller's scalar arrays).
     */
    static void updateMoments(NDArray firstMoment, NDArray secondMoment, NDArray gradient, NDArray beta1,
            NDArray oneMinusBeta1, NDArray beta2, NDArray oneMinusBeta2) {
        NDArray scaledGradient = gradient.mul(oneMinusBeta1);
        firstMoment.muli(beta1).addi(scaledGradient);
        scaledGradient.close();
        NDArray scaledSquare = gradient.mul(gradient).muli(oneMinusBeta2);
        secondMoment.muli(beta2).addi(scaledSquare);
        scaledSquare.close();
    }

    /** A scalar for a flat vector, [K, 1] for rows. */
    static NDArray perRow(NDManager scratch, float[] values, Shape shape) {
        return shape.dimension() == 1 ? scratch.create(values[0]) : scratch.create(values, new Shape(values.length, 1));
    }
}
