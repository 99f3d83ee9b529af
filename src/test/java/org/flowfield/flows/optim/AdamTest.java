package org.flowfield.flows.optim;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.flowfield.engine.TorchRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three Adams against the update written out in float arithmetic, bit for bit, on gradients
 * that leave the second moment at zero (masked weights), subnormal or tiny: RowwiseAdam takes the
 * square root of a raised floor there instead of v itself.
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
            try (RowwiseAdam rowwise = new RowwiseAdam(rowwiseParameters, new float[2 * p], new float[2 * p], new long[2]);
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
