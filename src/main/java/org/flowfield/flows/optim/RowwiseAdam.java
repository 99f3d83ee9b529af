package org.flowfield.flows.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.flowfield.engine.Tensors;

/**
 * The update of {@link Adam}, written once, for K models at once: row k of a [K, P] matrix holds
 * model k's parameters, and each row keeps its own moments, learning rate and step count t, so
 * that a row's update is exactly the update one model alone makes (a single model is a vector
 * [P], one row). Nothing is reduced across rows: a row whose gradient is not finite leaves the
 * other rows untouched.
 */
public final class RowwiseAdam implements AutoCloseable {

    /**
     * With masked weights, v is raised to at least this before its square root. MKL's square root
     * takes a slow path, twenty to forty times slower, for zero and subnormal inputs, and a
     * coupling flow's masked weights (the off-diagonal blocks) keep v = 0 for ever. Elsewhere the
     * floor would cost a pass and change nothing. It changes no bit of an
     * update: √v/√(1 − β2ᵗ) stays below 4·10⁻¹⁷ for every v below it, under half a unit in the
     * last place of ε = 10⁻⁸, so the denominator is ε exactly, as with v itself.
     */
    private static final double SECOND_MOMENT_FLOOR = 1e-36;

    private final NDArray parameters;
    private final OptimizerSettings[] settings;
    private final NDManager stateManager;
    private final NDArray firstMoment;
    private final NDArray secondMoment;
    private final NDArray beta1;
    private final NDArray oneMinusBeta1;
    private final NDArray beta2;
    private final NDArray oneMinusBeta2;
    private final NDArray epsilon;
    /** Null without masked weights. */
    private final NDArray secondMomentFloor;
    private final long[] steps;

    /**
     * @param parameters the rows to update in place, [K, P], or one model's vector [P]
     * @param firstMoments every row's m, row-major [K × P]
     * @param secondMoments every row's v, row-major [K × P]
     * @param steps every row's t
     * @param settings every row's weight decay and clipping
     * @param maskedWeights whether some weights' gradients are always 0, so that their v stays 0
     *     (see {@link #SECOND_MOMENT_FLOOR})
     */
    public RowwiseAdam(NDArray parameters, float[] firstMoments, float[] secondMoments, long[] steps,
            OptimizerSettings[] settings, boolean maskedWeights) {
        Shape shape = parameters.getShape();
        long rows = shape.dimension() == 1 ? 1 : shape.get(0);
        if (shape.dimension() > 2 || rows != steps.length || firstMoments.length != shape.size()
                || secondMoments.length != shape.size() || settings.length != steps.length) {
            throw new IllegalArgumentException("optimizer state does not match the parameters " + shape);
        }
        for (long t : steps) {
            if (t < 0) {
                throw new IllegalArgumentException("optimizer step counts cannot be negative, got " + t);
            }
        }
        this.parameters = parameters;
        this.settings = settings.clone();
        this.stateManager = parameters.getManager().newSubManager();
        this.firstMoment = stateManager.create(firstMoments, shape);
        this.secondMoment = stateManager.create(secondMoments, shape);
        this.beta1 = stateManager.create((float) Adam.BETA1);
        this.oneMinusBeta1 = stateManager.create((float) (1 - Adam.BETA1));
        this.beta2 = stateManager.create((float) Adam.BETA2);
        this.oneMinusBeta2 = stateManager.create((float) (1 - Adam.BETA2));
        this.epsilon = stateManager.create((float) Adam.EPSILON);
        this.secondMomentFloor = maskedWeights ? stateManager.create((float) SECOND_MOMENT_FLOOR) : null;
        this.steps = steps.clone();
    }

    /**
     * One update of every row, in {@link Adam}'s order (clipping and decay each with the row's own settings).
     *
     * @param gradient [K, P], owned by the caller's step manager
     * @param learningRates row k's learning rate at index k
     */
    public void step(NDArray gradient, double[] learningRates) {
        int rows = steps.length;
        if (learningRates.length != rows) {
            throw new IllegalArgumentException("expected " + rows + " learning rates, got " + learningRates.length);
        }
        float[] rates = new float[rows];
        float[] corrections = new float[rows];
        for (int k = 0; k < rows; k++) {
            long t = ++steps[k];
            double biasCorrection1 = 1 - Math.pow(Adam.BETA1, t);
            rates[k] = (float) (learningRates[k] / biasCorrection1);
            corrections[k] = (float) Math.sqrt(1 - Math.pow(Adam.BETA2, t));
        }
        NDManager scratch = gradient.getManager();
        Shape shape = parameters.getShape();
        RowTerms.clip(gradient, settings);
        RowTerms.decay(parameters, settings, learningRates, scratch);
        RowTerms.updateMoments(firstMoment, secondMoment, gradient, beta1, oneMinusBeta1, beta2, oneMinusBeta2);
        NDArray denominator = root(scratch);
        denominator.divi(RowTerms.perRow(scratch, corrections, shape)).addi(epsilon);
        NDArray update = firstMoment.div(denominator);
        update.attach(scratch);
        update.muli(RowTerms.perRow(scratch, rates, shape));
        parameters.subi(update);
        update.close();
        denominator.close();
    }

    /** √v in the scratch manager (see {@link #SECOND_MOMENT_FLOOR}); NaN stays NaN. */
    private NDArray root(NDManager scratch) {
        if (secondMomentFloor == null) {
            NDArray root = secondMoment.sqrt();
            root.attach(scratch);
            return root;
        }
        NDArray floored = secondMoment.maximum(secondMomentFloor);
        floored.attach(scratch);
        NDArray root = floored.sqrt();
        floored.close();
        return root;
    }

    /** Row k's number of updates (the t of its bias corrections). */
    public long steps(int row) {
        return steps[row];
    }

    /** K, the number of rows. */
    int rows() {
        return steps.length;
    }

    /** Every row's number of updates. */
    long[] steps() {
        return steps.clone();
    }

    /** Every row's weight decay and clipping. */
    OptimizerSettings[] settings() {
        return settings.clone();
    }

    /** Row k's parameters. */
    float[] parameters(int row) {
        return rowValues(parameters, row);
    }

    /** Row k's m. */
    public float[] firstMoment(int row) {
        return rowValues(firstMoment, row);
    }

    /** Row k's v. */
    public float[] secondMoment(int row) {
        return rowValues(secondMoment, row);
    }

    /** Every row's m, row-major [K × P]. */
    float[] firstMoments() {
        return firstMoment.toFloatArray();
    }

    /** Every row's v, row-major [K × P]. */
    float[] secondMoments() {
        return secondMoment.toFloatArray();
    }

    private float[] rowValues(NDArray matrix, int row) {
        if (row < 0 || row >= steps.length) {
            throw new IndexOutOfBoundsException("no row " + row + " of " + steps.length);
        }
        return matrix.getShape().dimension() == 1 ? matrix.toFloatArray() : Tensors.rowValues(matrix, row);
    }

    @Override
    public void close() {
        stateManager.close();
    }
}
