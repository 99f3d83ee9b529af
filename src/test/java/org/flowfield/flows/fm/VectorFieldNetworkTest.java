package org.flowfield.flows.fm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.ReferenceActivation;
import org.flowfield.flows.optim.ParameterLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VectorFieldNetworkTest {

    @BeforeAll
    static void engine() {
        TorchRuntime.start(1);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void handDerivedGradientEqualsAutogradOfEquation16(boolean conditional) {
        FlowMatchingConfig config = new FlowMatchingConfig(16, 4, 0.01, conditional, 3, 0, false);
        int b = 40;
        SplittableRandom random = new SplittableRandom(3);
        float[] input = new float[3 * b];
        float[] target = new float[2 * b];
        int[] classes = new int[b];
        for (int i = 0; i < b; i++) {
            input[3 * i] = (float) random.nextGaussian();
            input[3 * i + 1] = (float) random.nextGaussian();
            input[3 * i + 2] = (float) random.nextDouble();
            target[2 * i] = (float) random.nextGaussian();
            target[2 * i + 1] = (float) random.nextGaussian();
            classes[i] = random.nextInt(5);
        }
        try (NDManager manager = TorchRuntime.get().newManager();
                VectorFieldNetwork network = new VectorFieldNetwork(manager.newSubManager(), config, 5)) {
            NDArray[] ours = network.lossAndGradient(new PairBatch(
                    manager.create(input, new Shape(b, 3)),
                    conditional ? FlowIntegrator.oneHot(manager, classes, config.classes()) : null,
                    manager.create(target, new Shape(b, 2)),
                    null,
                    new int[] {b}));
            float[] weights = network.parameters().toArray();
            float[][] reference = autograd(config, weights, input, conditional ? classes : null, target);
            assertThat((double) ours[0].getFloat()).isCloseTo(reference[0][0], within(1e-5));
            float[] gradient = ours[1].toFloatArray();
            assertThat(gradient).hasSameSizeAs(reference[1]);
            for (int i = 0; i < gradient.length; i++) {
                assertThat((double) gradient[i]).as("gradient entry %d", i).isCloseTo(reference[1][i], within(2e-5));
            }
        }
    }

    /** Eq. 16 with DJL's autograd: {loss}, gradient. */
    static float[][] autograd(FlowMatchingConfig config, float[] weights, float[] input, int[] classes, float[] target) {
        ParameterLayout layout = VectorFieldNetwork.layout(config);
        int k = config.linearLayers();
        int b = input.length / 3;
        try (NDManager m = NDManager.newBaseManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray theta = m.create(weights);
            theta.setRequiresGradient(true);
            NDArray a = m.create(input, new Shape(b, 3));
            if (classes != null) {
                int e = 2 * k;
                NDArray table = slice(theta, layout, e);
                NDArray rows = table.get(m.create(toLongs(classes)));
                a = a.concat(rows, 1);
            }
            for (int j = 0; j < k; j++) {
                a = a.matMul(slice(theta, layout, 2 * j).transpose()).add(slice(theta, layout, 2 * j + 1));
                if (j < k - 1) {
                    a = ReferenceActivation.of(config.activation(), a, config.leakySlope());
                }
            }
            NDArray loss = a.sub(m.create(target, new Shape(b, 2))).square().sum(new int[] {1}).mean();
            collector.backward(loss);
            return new float[][] {{loss.getFloat()}, theta.getGradient().toFloatArray()};
        }
    }

    private static NDArray slice(NDArray theta, ParameterLayout layout, int index) {
        long[] shape = layout.shapes().get(index);
        long start = layout.offset(index);
        return theta.get(new NDIndex("{}:{}", start, start + ParameterLayout.elements(shape))).reshape(new Shape(shape));
    }

    private static long[] toLongs(int[] values) {
        long[] result = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
