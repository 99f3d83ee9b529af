package org.flowfield.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import org.flowfield.engine.TorchRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each activation against its definition, and its derivative against central differences and autograd. */
class ActivationTest {

    private static final double SLOPE = 0.01;
    /** Pre-activations on both sides of 0, none of them at a kink. */
    private static final double[] H = {-6, -2.5, -1, -0.3, -1e-3, 2e-3, 0.4, 1, 2.7, 7};

    @BeforeAll
    static void engine() {
        TorchRuntime.start(1);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void valuesFollowTheDefinition(Activation activation) {
        try (NDManager manager = TorchRuntime.get().newManager()) {
            double[] values = activation.apply(manager.create(H), SLOPE).toDoubleArray();
            for (int i = 0; i < H.length; i++) {
                assertThat(values[i]).as("%s(%s)", activation, H[i]).isCloseTo(definition(activation, H[i]), within(1e-12));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void derivativeEqualsCentralDifferencesOfTheDefinition(Activation activation) {
        try (NDManager manager = TorchRuntime.get().newManager()) {
            double[] derivative = activation.derivative(manager.create(H), SLOPE).toDoubleArray();
            double step = 1e-6;
            for (int i = 0; i < H.length; i++) {
                double numerical = (definition(activation, H[i] + step) - definition(activation, H[i] - step)) / (2 * step);
                assertThat(derivative[i]).as("%s'(%s)", activation, H[i]).isCloseTo(numerical, within(1e-7));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void derivativeEqualsAutogradOfPyTorchsOwnActivation(Activation activation) {
        try (NDManager manager = NDManager.newBaseManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray h = manager.create(H).toType(DataType.FLOAT32, false);
            h.setRequiresGradient(true);
            collector.backward(ReferenceActivation.of(activation, h, SLOPE).sum());
            float[] autograd = h.getGradient().toFloatArray();
            float[] ours = activation.derivative(h.stopGradient(), SLOPE).toFloatArray();
            for (int i = 0; i < H.length; i++) {
                assertThat(ours[i]).as("%s'(%s)", activation, H[i]).isCloseTo(autograd[i], within(1e-6f));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void derivativeAtTheOutputIsTheDerivativeAtThePreActivationBitForBit(Activation activation) {
        try (NDManager manager = TorchRuntime.get().newManager()) {
            float[] h = {-6f, -2.5f, -1f, -0.3f, -1e-3f, -1e-30f, -0f, 0f, 1e-30f, 2e-3f, 0.4f, 1f, 2.7f, 7f};
            NDArray preActivations = manager.create(h);
            NDArray activations = activation.apply(preActivations, SLOPE);
            if (!activation.derivativeFollowsFromOutput()) {
                assertThatThrownBy(() -> activation.derivativeAtOutput(activations, SLOPE))
                        .isInstanceOf(UnsupportedOperationException.class)
                        .hasMessageContaining(activation.title());
                return;
            }
            float[] atOutput = activation.derivativeAtOutput(activations, SLOPE).toFloatArray();
            float[] atInput = activation.derivative(preActivations, SLOPE).toFloatArray();
            for (int i = 0; i < h.length; i++) {
                assertThat(Float.floatToRawIntBits(atOutput[i])).as("%s'(%s)", activation, h[i])
                        .isEqualTo(Float.floatToRawIntBits(atInput[i]));
            }
        }
    }

    /** The textbook formulas in double precision. */
    private static double definition(Activation activation, double h) {
        double lambda = 1.0507009873554804934193349852946;
        double alpha = 1.6732632423543772848170429916717;
        return switch (activation) {
            case LEAKY_RELU -> h > 0 ? h : SLOPE * h;
            case SELU -> h > 0 ? lambda * h : lambda * alpha * (Math.exp(h) - 1);
            case SILU -> h / (1 + Math.exp(-h));
            case TANH -> Math.tanh(h);
        };
    }
}
