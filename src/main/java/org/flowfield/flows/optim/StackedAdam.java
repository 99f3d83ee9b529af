package org.flowfield.flows.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * {@link Adam} for K models of one parameter layout whose rows come and go: the weights and
 * moments are the rows of [K, P] matrices that {@link RowwiseAdam} updates, so that each row moves
 * exactly as its model's own Adam would move it, with the row's own learning rate and step count t
 * (rows that joined later keep their own bias corrections).
 *
 * <p>Rows are added and removed between steps. Each change rebuilds the matrices in a fresh
 * sub-manager and closes the previous one, with every view that was made of the old matrices.
 */
public final class StackedAdam implements AutoCloseable {

    private final int parameterCount;
    private final NDManager manager;
    private NDManager rowsManager;
    private NDArray parameters;
    /** The rows' update and state; null while there are no rows. */
    private RowwiseAdam update;

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
    }

    public int rows() {
        return update == null ? 0 : update.rows();
    }

    /**
     * The weights [K, P] (a single row as [P], as one model alone keeps them), updated in place by
     * each step; views of it stay valid until the next {@link #add} or {@link #remove}. Null while
     * there are no rows.
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
        long[] nextSteps = Arrays.copyOf(currentSteps(), rows + 1);
        nextSteps[rows] = optimizerSteps;
        OptimizerSettings[] nextSettings = Arrays.copyOf(currentSettings(), rows + 1);
        nextSettings[rows] = rowSettings;
        rebuild(nextSettings, nextSteps, appended(currentParameters(), weights), appended(currentFirstMoments(), first),
                appended(currentSecondMoments(), second));
        return rows;
    }

    /** Removes a row; the later rows move up by one. */
    public void remove(int row) {
        int rows = rows();
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("no row " + row + " of " + rows);
        }
        long[] steps = currentSteps();
        OptimizerSettings[] settings = currentSettings();
        long[] nextSteps = new long[rows - 1];
        System.arraycopy(steps, 0, nextSteps, 0, row);
        System.arraycopy(steps, row + 1, nextSteps, row, rows - 1 - row);
        OptimizerSettings[] nextSettings = new OptimizerSettings[rows - 1];
        System.arraycopy(settings, 0, nextSettings, 0, row);
        System.arraycopy(settings, row + 1, nextSettings, row, rows - 1 - row);
        rebuild(nextSettings, nextSteps, without(currentParameters(), row), without(currentFirstMoments(), row),
                without(currentSecondMoments(), row));
    }

    public float[] parameters(int row) {
        checkRow(row);
        return update.parameters(row);
    }

    public float[] firstMoment(int row) {
        checkRow(row);
        return update.firstMoment(row);
    }

    public float[] secondMoment(int row) {
        checkRow(row);
        return update.secondMoment(row);
    }

    /** Number of updates row {@code row} has made (its t). */
    public long steps(int row) {
        checkRow(row);
        return update.steps(row);
    }

    /**
     * One update of every row (clipping and decay each with the row's own settings).
     *
     * @param gradient shaped as {@link #parameters()}, owned by the caller's step manager
     * @param learningRates each row's rate this step
     */
    public void step(NDArray gradient, double[] learningRates) {
        if (update == null) {
            throw new IllegalStateException("no rows to update");
        }
        update.step(gradient, learningRates);
    }

    private void checkRow(int row) {
        if (row < 0 || row >= rows()) {
            throw new IndexOutOfBoundsException("no row " + row + " of " + rows());
        }
    }

    private long[] currentSteps() {
        return update == null ? new long[0] : update.steps();
    }

    private OptimizerSettings[] currentSettings() {
        return update == null ? new OptimizerSettings[0] : update.settings();
    }

    private float[] currentParameters() {
        return parameters == null ? new float[0] : parameters.toFloatArray();
    }

    private float[] currentFirstMoments() {
        return update == null ? new float[0] : update.firstMoments();
    }

    private float[] currentSecondMoments() {
        return update == null ? new float[0] : update.secondMoments();
    }

    private float[] appended(float[] current, float[] row) {
        float[] result = Arrays.copyOf(current, current.length + parameterCount);
        System.arraycopy(row, 0, result, current.length, parameterCount);
        return result;
    }

    private float[] without(float[] current, int row) {
        float[] result = new float[current.length - parameterCount];
        System.arraycopy(current, 0, result, 0, row * parameterCount);
        System.arraycopy(current, (row + 1) * parameterCount, result, row * parameterCount,
                result.length - row * parameterCount);
        return result;
    }

    private void rebuild(OptimizerSettings[] nextSettings, long[] nextSteps, float[] weights, float[] first,
            float[] second) {
        NDManager previous = rowsManager;
        int rows = nextSteps.length;
        if (rows == 0) {
            rowsManager = null;
            parameters = null;
            update = null;
        } else {
            rowsManager = manager.newSubManager();
            Shape shape = rows == 1 ? new Shape(parameterCount) : new Shape(rows, parameterCount);
            parameters = rowsManager.create(weights, shape);
            update = new RowwiseAdam(parameters, first, second, nextSteps, nextSettings, false);
        }
        if (previous != null) {
            previous.close();
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
