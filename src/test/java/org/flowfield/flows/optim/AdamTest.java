package org.flowfield.flows.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.flowfield.engine.TorchRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three Adams against the update written out in float arithmetic, bit for bit, on gradients
 * that leave the second moment at zero (masked weights), subnormal or tiny: RowwiseAdam told of
 * masked weights takes the square root of a raised floor there instead of v itself, the others
 * of v.
 */
class AdamTest {

    /** 0 keeps v = 0; 1e-20 and 3e-19 make g² subnormal; the rest are ordinary. */
    private static final float[] GRADIENT = {0, 1e-20f, -3e-19f, 1e-17f, 0.25f, -3f, 7e-5f, 0};
    private static final int STEPS = 3;

    @BeforeAll
    static void engine() {
        TorchRuntime.start(1);
    }

    @Test
    void adamOnZeroAndSubnormalSecondMomentsMakesTheExactUpdate() {
        ParameterLayout.Builder builder = new ParameterLayout.Builder();
        builder.add(GRADIENT.length);
        try (NDManager manager = TorchRuntime.get().newManager()) {
            PackedParameters parameters = new PackedParameters(manager.newSubManager(), builder.build(), start());
            try (Adam adam = new Adam(parameters)) {
                for (int t = 0; t < STEPS; t++) {
                    try (NDManager step = manager.newSubManager()) {
                        adam.step(step.create(GRADIENT), 0.01);
                    }
                }
            }
            assertThat(parameters.toArray()).containsExactly(reference(0.01));
        }
    }

    @Test
    void rowwiseAndStackedAdamMakeEachRowsExactUpdate() {
        double[] rates = {0.01, 0.003};
        int p = GRADIENT.length;
        float[] both = new float[2 * p];
        float[] gradients = new float[2 * p];
        for (int row = 0; row < 2; row++) {
            System.arraycopy(start(), 0, both, row * p, p);
            System.arraycopy(GRADIENT, 0, gradients, row * p, p);
        }
        try (NDManager manager = TorchRuntime.get().newManager()) {
            var rowwiseParameters = manager.create(both, new Shape(2, p));
            try (RowwiseAdam rowwise = new RowwiseAdam(rowwiseParameters, new float[2 * p], new float[2 * p], new long[2],
                    new OptimizerSettings[] {OptimizerSettings.ADAM, OptimizerSettings.ADAM}, true);
                    StackedAdam stacked = new StackedAdam(manager, p)) {
                stacked.add(start(), new float[p], new float[p], 0);
                stacked.add(start(), new float[p], new float[p], 0);
                for (int t = 0; t < STEPS; t++) {
                    try (NDManager step = manager.newSubManager()) {
                        rowwise.step(step.create(gradients, new Shape(2, p)), rates);
                        stacked.step(step.create(gradients, new Shape(2, p)), rates);
                    }
                }
                float[] rowwiseValues = rowwiseParameters.toFloatArray();
                for (int row = 0; row < 2; row++) {
                    float[] expected = reference(rates[row]);
                    assertThat(java.util.Arrays.copyOfRange(rowwiseValues, row * p, (row + 1) * p)).containsExactly(expected);
                    assertThat(stacked.parameters(row)).containsExactly(expected);
                }
            }
        }
    }

    /**
     * One AdamW step written out by hand: at t = 1 the bias-corrected moments are g and g², so
     * θ₁ = θ₀ − lr·λ·θ₀ − lr·g / (|g| + ε) (Loshchilov and Hutter 2019, Algorithm 2, with the schedule
     * multiplier written as the learning rate, as PyTorch's AdamW does).
     */
    @Test
    void oneAdamWStepMakesTheHandComputedUpdate() {
        float[] theta = {0.5f, -1.25f, 2f, -0.75f};
        float[] gradient = {0.2f, -0.05f, 1.5f, 0f};
        double lr = 0.01;
        double lambda = 0.1;
        ParameterLayout.Builder builder = new ParameterLayout.Builder();
        builder.add(theta.length);
        try (NDManager manager = TorchRuntime.get().newManager()) {
            PackedParameters parameters = new PackedParameters(manager.newSubManager(), builder.build(), theta);
            try (Adam adam = new Adam(parameters, new OptimizerSettings(lambda, 0));
                    NDManager step = manager.newSubManager()) {
                adam.step(step.create(gradient), lr);
            }
            float[] updated = parameters.toArray();
            for (int i = 0; i < theta.length; i++) {
                double expected = theta[i] - lr * lambda * theta[i] - lr * gradient[i] / (Math.abs(gradient[i]) + Adam.EPSILON);
                assertThat((double) updated[i]).as("θ[%d]", i).isCloseTo(expected, within(1e-6));
            }
        }
    }

    /**
     * Clipping by the global norm, written out: a first gradient below the limit and a second of
     * norm 13 clipped to 2, then Adam on the clipped gradients in double precision.
     */
    @Test
    void clippingScalesAGradientAboveTheLimitToItBeforeAdam() {
        float[] theta = {0.5f, -1.25f, 2f};
        float[][] gradients = {{0.1f, -0.2f, 0.05f}, {3f, -4f, 12f}};
        double limit = 2;
        double lr = 0.01;
        ParameterLayout.Builder builder = new ParameterLayout.Builder();
        builder.add(theta.length);
        try (NDManager manager = TorchRuntime.get().newManager()) {
            PackedParameters parameters = new PackedParameters(manager.newSubManager(), builder.build(), theta);
            try (Adam adam = new Adam(parameters, new OptimizerSettings(0, limit))) {
                for (float[] g : gradients) {
                    try (NDManager step = manager.newSubManager()) {
                        adam.step(step.create(g), lr);
                    }
                }
            }
            double[] expected = adamInDouble(theta, clipped(gradients, limit), lr);
            float[] updated = parameters.toArray();
            for (int i = 0; i < theta.length; i++) {
                assertThat((double) updated[i]).as("θ[%d]", i).isCloseTo(expected[i], within(1e-6));
            }
            double[] unclipped = adamInDouble(theta, toDouble(gradients), lr);
            assertThat(Math.abs(unclipped[0] - expected[0])).as("clipping changed the second step").isGreaterThan(1e-5);
        }
    }

    /**
     * Rows of a pack each with their own settings: a plain row stays Adam bit for bit beside rows
     * that decay and clip, and the clipping of a row uses that row's norm only.
     */
    @Test
    void eachRowDecaysAndClipsWithItsOwnSettingsAndAPlainRowStaysAdamBitForBit() {
        int p = GRADIENT.length;
        double[] rates = {0.01, 0.01, 0.01};
        OptimizerSettings[] settings = {OptimizerSettings.ADAM, new OptimizerSettings(0.5, 0), new OptimizerSettings(0, 1e-3)};
        float[] rows = new float[3 * p];
        float[] gradients = new float[3 * p];
        for (int row = 0; row < 3; row++) {
            System.arraycopy(start(), 0, rows, row * p, p);
            System.arraycopy(GRADIENT, 0, gradients, row * p, p);
        }
        try (NDManager manager = TorchRuntime.get().newManager()) {
            var rowwiseParameters = manager.create(rows, new Shape(3, p));
            try (RowwiseAdam rowwise = new RowwiseAdam(rowwiseParameters, new float[3 * p], new float[3 * p], new long[3], settings, true);
                    StackedAdam stacked = new StackedAdam(manager, p)) {
                for (OptimizerSettings row : settings) {
                    stacked.add(start(), new float[p], new float[p], 0, row);
                }
                for (int t = 0; t < STEPS; t++) {
                    try (NDManager step = manager.newSubManager()) {
                        rowwise.step(step.create(gradients, new Shape(3, p)), rates);
                        stacked.step(step.create(gradients, new Shape(3, p)), rates);
                    }
                }
                float[] rowwiseValues = rowwiseParameters.toFloatArray();
                float[][] stackedRows = {stacked.parameters(0), stacked.parameters(1), stacked.parameters(2)};
                assertThat(java.util.Arrays.copyOfRange(rowwiseValues, 0, p)).containsExactly(reference(0.01));
                assertThat(stackedRows[0]).containsExactly(reference(0.01));
                double[][] plain = new double[STEPS][];
                for (int t = 0; t < STEPS; t++) {
                    plain[t] = toDouble(new float[][] {GRADIENT})[0];
                }
                double[] decayed = adamWInDouble(start(), plain, 0.01, 0.5);
                double[] clipped = adamInDouble(start(), clipped(repeat(GRADIENT, STEPS), 1e-3), 0.01);
                for (int i = 0; i < p; i++) {
                    assertThat((double) rowwiseValues[p + i]).as("decayed row θ[%d]", i).isCloseTo(decayed[i], within(1e-6));
                    assertThat((double) stackedRows[1][i]).as("decayed stacked row θ[%d]", i).isCloseTo(decayed[i], within(1e-6));
                    assertThat((double) rowwiseValues[2 * p + i]).as("clipped row θ[%d]", i).isCloseTo(clipped[i], within(1e-6));
                    assertThat((double) stackedRows[2][i]).as("clipped stacked row θ[%d]", i).isCloseTo(clipped[i], within(1e-6));
                }
            }
        }
    }

    private static float[][] repeat(float[] gradient, int times) {
        float[][] result = new float[times][];
        java.util.Arrays.fill(result, gradient);
        return result;
    }

    private static double[][] toDouble(float[][] values) {
        double[][] result = new double[values.length][];
        for (int k = 0; k < values.length; k++) {
            result[k] = new double[values[k].length];
            for (int i = 0; i < values[k].length; i++) {
                result[k][i] = values[k][i];
            }
        }
        return result;
    }

    /** Each gradient scaled by c / (‖g‖ + 10⁻⁶) when its norm exceeds c. */
    private static double[][] clipped(float[][] gradients, double limit) {
        double[][] result = toDouble(gradients);
        for (double[] g : result) {
            double norm = 0;
            for (double value : g) {
                norm += value * value;
            }
            norm = Math.sqrt(norm);
            double factor = Math.min(1, limit / (norm + 1e-6));
            for (int i = 0; i < g.length; i++) {
                g[i] *= factor;
            }
        }
        return result;
    }

    private static double[] adamInDouble(float[] start, double[][] gradients, double lr) {
        return adamWInDouble(start, gradients, lr, 0);
    }

    /** AdamW in double precision: θ ← θ − lr·λ·θ, then Adam's bias-corrected step. */
    private static double[] adamWInDouble(float[] start, double[][] gradients, double lr, double lambda) {
        double[] theta = new double[start.length];
        for (int i = 0; i < start.length; i++) {
            theta[i] = start[i];
        }
        double[] m = new double[theta.length];
        double[] v = new double[theta.length];
        for (int t = 1; t <= gradients.length; t++) {
            double[] g = gradients[t - 1];
            for (int i = 0; i < theta.length; i++) {
                theta[i] -= lr * lambda * theta[i];
                m[i] = Adam.BETA1 * m[i] + (1 - Adam.BETA1) * g[i];
                v[i] = Adam.BETA2 * v[i] + (1 - Adam.BETA2) * g[i] * g[i];
                double mHat = m[i] / (1 - Math.pow(Adam.BETA1, t));
                double vHat = v[i] / (1 - Math.pow(Adam.BETA2, t));
                theta[i] -= lr * mHat / (Math.sqrt(vHat) + Adam.EPSILON);
            }
        }
        return theta;
    }

    /** Weights of 0 where the gradient is tiny, so that an update of 10⁻¹⁴ shows in every bit. */
    private static float[] start() {
        float[] theta = new float[GRADIENT.length];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = Math.abs(GRADIENT[i]) < 1e-10f ? 0 : 0.5f - i * 0.125f;
        }
        return theta;
    }

    /** Adam's update in {@link Adam}'s order, one float operation at a time. */
    private static float[] reference(double learningRate) {
        float[] theta = start();
        float[] m = new float[theta.length];
        float[] v = new float[theta.length];
        float beta1 = (float) Adam.BETA1;
        float beta2 = (float) Adam.BETA2;
        float oneMinusBeta1 = (float) (1 - Adam.BETA1);
        float oneMinusBeta2 = (float) (1 - Adam.BETA2);
        for (int t = 1; t <= STEPS; t++) {
            float correction = (float) Math.sqrt(1 - Math.pow(Adam.BETA2, t));
            float rate = (float) (learningRate / (1 - Math.pow(Adam.BETA1, t)));
            for (int i = 0; i < theta.length; i++) {
                float g = GRADIENT[i];
                m[i] = m[i] * beta1 + g * oneMinusBeta1;
                v[i] = v[i] * beta2 + g * g * oneMinusBeta2;
                float denominator = (float) Math.sqrt(v[i]) / correction + (float) Adam.EPSILON;
                theta[i] -= m[i] / denominator * rate;
            }
        }
        return theta;
    }
}
