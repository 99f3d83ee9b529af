package org.flowfield.flows.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.flowfield.engine.Tensors;

/**
 * {@link Adam} for K models of one parameter layout, stacked as the rows of [K, P] matrices of
 * weights and moments: the same update with the same operations in the same order, so that each
 * row moves exactly as its model's own Adam would move it, but with each row's own learning rate
 * and its own step count t (rows that joined later keep their own bias corrections). Every
 * operation is elementwise, so no value of one row reaches another.
 *
 * <p>Rows are added and removed between steps. Each change rebuilds the matrices in a fresh
 * sub-manager and closes the previous one, with every view that was made of the old matrices.
 */
public final class StackedAdam implements AutoCloseable {

    private final int parameterCount;
    private final NDManager manager;
    private final NDArray beta1;
    private final NDArray oneMinusBeta1;
    private final NDArray beta2;
    private final NDArray oneMinusBeta2;
    private final NDArray epsilon;
    private NDManager rowsManager;
    private NDArray parameters;
    private NDArray firstMoment;
    private NDArray secondMoment;
    private long[] steps = new long[0];
    private OptimizerSettings[] settings = new OptimizerSettings[0];

    /**
     * @param manager where the state lives (a sub-manager is made of it; closed with this object)
     * @param parameterCount P, the length of each row
     */
    public StackedAdam(NDManager manager, int parameterCount) {
        if (parameterCount < 1) {
            throw new IllegalArgumentException("a row needs at least one parameter, got " + parameterCount);
        }
        this.parameterCount = parameterCount;
        this.manager = manager.newSubManager();
        this.beta1 = this.manager.create((float) Adam.BETA1);
        this.oneMinusBeta1 = this.manager.create((float) (1 - Adam.BETA1));
        this.beta2 = this.manager.create((float) Adam.BETA2);
        this.oneMinusBeta2 = this.manager.create((float) (1 - Adam.BETA2));
        this.epsilon = this.manager.create((float) Adam.EPSILON);
    }

    public int rows() {
        return steps.length;
    }

    /**
     * The weights [K, P] (a single row as [P], so that one model's step is exactly {@link Adam}'s),
     * updated in place by each step; views of it stay valid until the next {@link #add} or
     * {@link #remove}. Null while there are no rows.
     */
    public NDArray parameters() {
        return parameters;
    }

    /**
     * Appends a row that continues exactly where a model's own Adam is.
     *
     * @return the new row's index
     */
    public int add(float[] weights, float[] first, float[] second, long optimizerSteps) {
        return add(weights, first, second, optimizerSteps, OptimizerSettings.ADAM);
    }

    /**
     * Appends a row that continues exactly where a model's own Adam with these settings is.
     *
     * @return the new row's index
     */
    public int add(float[] weights, float[] first, float[] second, long optimizerSteps, OptimizerSettings rowSettings) {
        if (weights.length != parameterCount || first.length != parameterCount || second.length != parameterCount
                || optimizerSteps < 0) {
            throw new IllegalArgumentException("optimizer state does not match the rows' " + parameterCount + " parameters");
        }
        int rows = rows();
        long[] nextSteps = java.util.Arrays.copyOf(steps, rows + 1);
        nextSteps[rows] = optimizerSteps;
        OptimizerSettings[] nextSettings = java.util.Arrays.copyOf(settings, rows + 1);
        nextSettings[rows] = rowSettings;
        settings = nextSettings;
        rebuild(nextSteps, appended(parameters, weights), appended(firstMoment, first), appended(secondMoment, second));
        return rows;
    }

    /** Removes a row; the later rows move up by one. */
    public void remove(int row) {
        int rows = rows();
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("no row " + row + " of " + rows);
        }
        long[] nextSteps = new long[rows - 1];
        System.arraycopy(steps, 0, nextSteps, 0, row);
        System.arraycopy(steps, row + 1, nextSteps, row, rows - 1 - row);
        OptimizerSettings[] nextSettings = new OptimizerSettings[rows - 1];
        System.arraycopy(settings, 0, nextSettings, 0, row);
        System.arraycopy(settings, row + 1, nextSettings, row, rows - 1 - row);
        settings = nextSettings;
        rebuild(nextSteps, without(parameters, row), without(firstMoment, row), without(secondMoment, row));
    }

    public float[] parameters(int row) {
        return row(parameters, row);
    }

    public float[] firstMoment(int row) {
        return row(firstMoment, row);
    }

    public float[] secondMoment(int row) {
        return row(secondMoment, row);
    }

    /** Number of updates row {@code row} has made (its t). */
    public long steps(int row) {
        return steps[row];
    }

    /**
     * One update of every row (clipping and decay each with the row's own settings).
     *
     * @param gradient shaped as {@link #parameters()}, owned by the caller's step manager
     * @param learningRates each row's rate this step
     */
    public void step(NDArray gradient, double[] learningRates) {
        int rows = rows();
        if (learningRates.length != rows) {
            throw new IllegalArgumentException("expected " + rows + " learning rates, got " + learningRates.length);
        }
        NDManager scratch = gradient.getManager();
        float[] biasCorrection2Sqrt = new float[rows];
        float[] stepSize = new float[rows];
        for (int i = 0; i < rows; i++) {
            long t = ++steps[i];
            biasCorrection2Sqrt[i] = (float) Math.sqrt(1 - Math.pow(Adam.BETA2, t));
            stepSize[i] = (float) (learningRates[i] / (1 - Math.pow(Adam.BETA1, t)));
        }
        RowTerms.clip(gradient, settings);
        RowTerms.decay(parameters, settings, learningRates, scratch);
        RowTerms.updateMoments(firstMoment, secondMoment, gradient, beta1, oneMinusBeta1, beta2, oneMinusBeta2);
        NDArray denominator = secondMoment.sqrt();
        denominator.attach(scratch);
        denominator.divi(perRow(scratch, biasCorrection2Sqrt)).addi(epsilon);
        NDArray update = firstMoment.div(denominator);
        update.attach(scratch);
        update.muli(perRow(scratch, stepSize));
        parameters.subi(update);
        update.close();
        denominator.close();
    }

    /** One value per row, [K, 1] to scale each row; a scalar for a single row. */
    private static NDArray perRow(NDManager scratch, float[] values) {
        return values.length == 1 ? scratch.create(values[0]) : scratch.create(values, new Shape(values.length, 1));
    }

    private float[] appended(NDArray matrix, float[] row) {
        float[] current = matrix == null ? new float[0] : matrix.toFloatArray();
        float[] result = java.util.Arrays.copyOf(current, current.length + parameterCount);
        System.arraycopy(row, 0, result, current.length, parameterCount);
        return result;
    }

    private float[] without(NDArray matrix, int row) {
        float[] current = matrix.toFloatArray();
        float[] result = new float[current.length - parameterCount];
        System.arraycopy(current, 0, result, 0, row * parameterCount);
        System.arraycopy(current, (row + 1) * parameterCount, result, row * parameterCount,
                result.length - row * parameterCount);
        return result;
    }

    private float[] row(NDArray matrix, int row) {
        if (row < 0 || row >= rows()) {
            throw new IndexOutOfBoundsException("no row " + row + " of " + rows());
        }
        if (rows() == 1) {
            return matrix.toFloatArray();
        }
        try (NDManager scratch = manager.newSubManager()) {
            return Tensors.borrow(matrix, scratch).get(row).toFloatArray();
        }
    }

    private void rebuild(long[] nextSteps, float[] weights, float[] first, float[] second) {
        NDManager previous = rowsManager;
        int rows = nextSteps.length;
        if (rows == 0) {
            rowsManager = null;
            parameters = null;
            firstMoment = null;
            secondMoment = null;
        } else {
            rowsManager = manager.newSubManager();
            Shape shape = rows == 1 ? new Shape(parameterCount) : new Shape(rows, parameterCount);
            parameters = rowsManager.create(weights, shape);
            firstMoment = rowsManager.create(first, shape);
            secondMoment = rowsManager.create(second, shape);
        }
        steps = nextSteps;
        if (previous != null) {
            previous.close();
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
