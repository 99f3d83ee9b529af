package org.flowfield.flows.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import org.flowfield.engine.TorchRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PackedParametersTest {

    @BeforeAll
    static void engine() {
        TorchRuntime.start(1);
    }

    private static ParameterLayout layout() {
        ParameterLayout.Builder builder = new ParameterLayout.Builder();
        builder.add(2, 3);
        builder.add(3);
        return builder.build();
    }

    @Test
    void viewsSeeInPlaceUpdatesAndLoadsOfTheFlatVector() {
        try (NDManager manager = TorchRuntime.get().newManager()) {
            PackedParameters parameters = new PackedParameters(manager.newSubManager(), layout(), new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
            assertThat(parameters.view(0).getShape().getShape()).containsExactly(2, 3);
            assertThat(parameters.view(1).toFloatArray()).containsExactly(7, 8, 9);
            parameters.flat().subi(manager.create(1f));
            assertThat(parameters.view(0).toFloatArray()).containsExactly(0, 1, 2, 3, 4, 5);
            parameters.load(new float[] {9, 8, 7, 6, 5, 4, 3, 2, 1});
            assertThat(parameters.view(0).toFloatArray()).containsExactly(9, 8, 7, 6, 5, 4);
            assertThat(parameters.view(1).toFloatArray()).containsExactly(3, 2, 1);
            assertThatThrownBy(() -> parameters.load(new float[] {1})).hasMessageContaining("expected 9 parameter values");
        }
    }

    @Test
    void adamMakesPyTorchsUpdateAndRestoresItsStateExactly() {
        try (NDManager manager = TorchRuntime.get().newManager()) {
            PackedParameters parameters = new PackedParameters(manager.newSubManager(), layout(), new float[9]);
            Adam adam = new Adam(parameters);
            float[] g = {1, -2, 3, -4, 5, -6, 7, -8, 0};
            try (NDManager step = manager.newSubManager()) {
                adam.step(step.create(g), 0.1);
            }
            // first step: m̂ = g, v̂ = g², so θ = −lr·g/(|g| + ε) = −0.1·sign(g) (0 where g = 0)
            float[] theta = parameters.toArray();
            for (int i = 0; i < g.length; i++) {
                assertThat((double) theta[i]).isCloseTo(-0.1 * Math.signum(g[i]), org.assertj.core.api.Assertions.within(1e-6));
            }
            try (NDManager step = manager.newSubManager()) {
                adam.step(step.create(g), 0.1);
            }
            PackedParameters copy = new PackedParameters(manager.newSubManager(), layout(), parameters.toArray());
            Adam restored = new Adam(copy);
            restored.restore(adam.firstMoment(), adam.secondMoment(), adam.steps());
            try (NDManager step = manager.newSubManager()) {
                adam.step(step.create(g), 0.05);
                restored.step(step.create(g), 0.05);
            }
            assertThat(copy.toArray()).containsExactly(parameters.toArray());
            assertThat(restored.steps()).isEqualTo(3);
        }
    }
}
