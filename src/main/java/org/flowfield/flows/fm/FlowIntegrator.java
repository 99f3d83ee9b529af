package org.flowfield.flows.fm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.flowfield.engine.Tensors;
import org.flowfield.flows.StandardNormal;

/**
 * Integrates a learned vector field: sampling (Algorithm 2), reversal (Eq. 18), trajectories, and
 * the exact log-likelihood by the instantaneous change of variables (Chen et al. 2018, Theorem 1;
 * docs/equations.md):
 *
 * <pre>
 * log p₁(x) = log p₀(y(0)) − ∫₀¹ ∇·v(y(t), t) dt,   y(1) = x, dy/dt = v(y, t)
 * </pre>
 *
 * <p>Every step runs in its own sub-manager; the state is updated in place.
 */
final class FlowIntegrator {

    private final VectorFieldNetwork network;
    private final NDManager manager;

    FlowIntegrator(VectorFieldNetwork network, NDManager manager) {
        this.network = network;
        this.manager = manager;
    }

    /**
     * Integrates points along the grid.
     *
     * @param start [N × 2] interleaved
     * @param classes [N] classes for a conditional field, else null
     * @param recordSteps grid indices (0..n) whose states are returned, ascending
     * @return one [N × 2] array per recorded index
     */
    float[][] integrate(float[] start, int[] classes, TimeGrid grid, OdeSolver solver, int[] recordSteps) {
        int n = start.length / 2;
        float[][] recorded = new float[recordSteps.length][2 * n];
        RowChunks.forEach(n, (from, to) -> integrateRows(start, classes, grid, solver, recordSteps, recorded, from, to));
        return recorded;
    }

    /** Integrates points [from, to) and writes their recorded states into place. */
    private void integrateRows(float[] start, int[] classes, TimeGrid grid, OdeSolver solver, int[] recordSteps,
            float[][] recorded, int from, int to) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray y = scope.create(Arrays.copyOfRange(start, 2 * from, 2 * to), new Shape(to - from, 2));
            NDArray classBias = classes == null ? null
                    : network.classBias(oneHot(scope, Arrays.copyOfRange(classes, from, to), network.classes()));
            int next = 0;
            for (int i = 0; i <= grid.steps(); i++) {
                while (next < recordSteps.length && recordSteps[next] == i) {
                    float[] state = y.toFloatArray();
                    System.arraycopy(state, 0, recorded[next++], 2 * from, state.length);
                }
                if (i == grid.steps()) {
                    break;
                }
                try (NDManager step = scope.newSubManager()) {
                    y.addi(increment(step, Tensors.borrow(y, step), grid.time(i), grid.dt(), classBias, solver));
                }
            }
        }
    }

    /** y(t + h) − y(t) for one step of the solver. */
    private NDArray increment(NDManager step, NDArray y, double t, double h, NDArray classBias, OdeSolver solver) {
        return switch (solver) {
            case EULER -> network.velocity(y, t, classBias).muli(step.create((float) h));
            case MIDPOINT -> {
                NDArray k1 = network.velocity(y, t, classBias);
                NDArray mid = y.add(k1.muli(step.create((float) (h / 2))));
                yield network.velocity(mid, t + h / 2, classBias).muli(step.create((float) h));
            }
            case RK4 -> {
                NDArray k1 = network.velocity(y, t, classBias);
                NDArray k2 = network.velocity(y.add(k1.mul(step.create((float) (h / 2)))), t + h / 2, classBias);
                NDArray k3 = network.velocity(y.add(k2.mul(step.create((float) (h / 2)))), t + h / 2, classBias);
                NDArray k4 = network.velocity(y.add(k3.mul(step.create((float) h))), t + h, classBias);
                yield k1.addi(k4).addi(k2.addi(k3).muli(step.create(2f))).muli(step.create((float) (h / 6)));
            }
        };
    }

    /**
     * log p(x) of each point, integrating (y, ∫∇·v) from t = 1 back to t = 0 with the solver.
     *
     * @param probes Hutchinson probes per point (ignored for the exact divergence)
     * @param probeSeed seed of the Rademacher probes
     */
    double[] logLikelihood(
            float[] x, int[] classes, OdeSolver solver, int steps, DivergenceMethod method, int probes, long probeSeed) {
        int n = x.length / 2;
        float[] probeValues = method == DivergenceMethod.HUTCHINSON ? rademacher(probes, n, probeSeed) : null;
        double[] logP = new double[n];
        RowChunks.forEach(n, (from, to) -> logLikelihoodOfRows(x, classes, solver, steps, method, probes, probeValues,
                logP, from, to));
        return logP;
    }

    /** log p(x) of points [from, to), written into place. */
    private void logLikelihoodOfRows(float[] x, int[] classes, OdeSolver solver, int steps, DivergenceMethod method,
            int probes, float[] probeValues, double[] logP, int from, int to) {
        int n = to - from;
        TimeGrid grid = new TimeGrid(1, 0, steps);
        try (NDManager scope = manager.newSubManager()) {
            NDArray y = scope.create(Arrays.copyOfRange(x, 2 * from, 2 * to), new Shape(n, 2));
            NDArray divergenceIntegral = scope.zeros(new Shape(n));
            NDArray classBias = classes == null ? null
                    : network.classBias(oneHot(scope, Arrays.copyOfRange(classes, from, to), network.classes()));
            NDArray probeVectors = probeValues == null ? null : probeRows(scope, probeValues, probes, from, to);
            Field field = (state, t) -> method == DivergenceMethod.EXACT
                    ? network.velocityAndDivergence(state, t, classBias)
                    : network.velocityAndHutchinson(state, t, classBias, probeVectors);
            for (int i = 0; i < grid.steps(); i++) {
                try (NDManager step = scope.newSubManager()) {
                    NDArray[] delta = augmentedIncrement(step, Tensors.borrow(y, step), grid.time(i), grid.dt(), field, solver);
                    y.addi(delta[0]);
                    divergenceIntegral.addi(delta[1]);
                }
            }
            float[] y0 = y.toFloatArray();
            float[] integral = divergenceIntegral.toFloatArray();
            for (int p = 0; p < n; p++) {
                // the integral ran from 1 to 0, so it already carries the minus sign of Eq. 3.17
                logP[from + p] = StandardNormal.logDensity(y0[2 * p], y0[2 * p + 1]) + integral[p];
            }
        }
    }

    @FunctionalInterface
    private interface Field {
        /** {v [N, 2], ∇·v [N]} at (y, t). */
        NDArray[] at(NDArray y, double t);
    }

    /** One solver step of the augmented system d(y, ℓ)/dt = (v, ∇·v). */
    private static NDArray[] augmentedIncrement(NDManager step, NDArray y, double t, double h, Field field, OdeSolver solver) {
        NDArray half = step.create((float) (h / 2));
        NDArray full = step.create((float) h);
        return switch (solver) {
            case EULER -> {
                NDArray[] k1 = field.at(y, t);
                yield new NDArray[] {k1[0].muli(full), k1[1].muli(full)};
            }
            case MIDPOINT -> {
                NDArray[] k1 = field.at(y, t);
                NDArray[] k2 = field.at(y.add(k1[0].mul(half)), t + h / 2);
                yield new NDArray[] {k2[0].muli(full), k2[1].muli(full)};
            }
            case RK4 -> {
                NDArray[] k1 = field.at(y, t);
                NDArray[] k2 = field.at(y.add(k1[0].mul(half)), t + h / 2);
                NDArray[] k3 = field.at(y.add(k2[0].mul(half)), t + h / 2);
                NDArray[] k4 = field.at(y.add(k3[0].mul(full)), t + h);
                NDArray sixth = step.create((float) (h / 6));
                NDArray two = step.create(2f);
                NDArray[] result = new NDArray[2];
                for (int c = 0; c < 2; c++) {
                    result[c] = k1[c].addi(k4[c]).addi(k2[c].addi(k3[c]).muli(two)).muli(sixth);
                }
                yield result;
            }
        };
    }

    /** One-hot rows [N, width] of the classes. */
    static NDArray oneHot(NDManager scope, int[] classes, int width) {
        float[] values = new float[classes.length * width];
        writeOneHot(classes, values, 0, width);
        return scope.create(values, new Shape(classes.length, width));
    }

    /** Writes the one-hot rows [N, width] of the classes into {@code values} from {@code offset}. */
    static void writeOneHot(int[] classes, float[] values, int offset, int width) {
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] < 0 || classes[i] >= width) {
                throw new IllegalArgumentException("class must be in [0, " + width + "), got " + classes[i]);
            }
            values[offset + i * width + classes[i]] = 1f;
        }
    }

    /** Rademacher probes [probes, n, 2], drawn in that order from the seed. */
    private static float[] rademacher(int probes, int n, long seed) {
        if (probes < 1) {
            throw new IllegalArgumentException("Hutchinson needs at least one probe, got " + probes);
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[probes * n * 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextBoolean() ? 1f : -1f;
        }
        return values;
    }

    /** Rows [from, to) of every probe of [probes, n, 2]. */
    private static NDArray probeRows(NDManager scope, float[] values, int probes, int from, int to) {
        int n = values.length / (2 * probes);
        float[] rows = new float[probes * (to - from) * 2];
        for (int p = 0; p < probes; p++) {
            System.arraycopy(values, 2 * (p * n + from), rows, 2 * p * (to - from), 2 * (to - from));
        }
        return scope.create(rows, new Shape(probes, to - from, 2));
    }
}
