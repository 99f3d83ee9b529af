package org.flowfield.flows.nf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.flowfield.data.DataSetKind;
import org.flowfield.data.RingDataset;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.Activation;
import org.flowfield.flows.ModelState;
import org.flowfield.flows.StandardNormal;
import org.flowfield.flows.StepLoss;
import org.flowfield.flows.TrainingBatch;
import org.flowfield.flows.optim.OptimizerSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The coupling flow's options: every activation, the soft log-scale bound, and per-member weight
 * decay and clipping, against autograd, a numerical Jacobian, the flow's own inverse and the same
 * flow trained alone.
 */
class CouplingFlowOptionsTest {

    private static final CouplingFlowConfig SMALL = new CouplingFlowConfig(5, 4, 3, 0.01);
    private static final int BATCH = 128;

    @BeforeAll
    static void engine() {
        TorchRuntime.start(1);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void handDerivedGradientWithBoundedLogScalesEqualsAutograd(Activation activation) {
        CouplingFlowConfig config = SMALL.withActivation(activation).withLogScaleBound(0.5);
        try (CouplingFlow flow = CouplingFlowTest.trainedFlow(config, 20)) {
            float[] xy = RingDataset.training(DataSetKind.UNCONDITIONAL, 64, 9).points().xy();
            float[] ours = flow.lossGradient(xy);
            float[] reference = CouplingFlowTest.autogradOfEquation9(config, flow.weights(), xy);
            double scale = 0;
            for (float g : reference) {
                scale = Math.max(scale, Math.abs(g));
            }
            assertThat(scale).isGreaterThan(1e-3);
            for (int i = 0; i < ours.length; i++) {
                assertThat((double) ours[i]).as("gradient entry %d", i).isCloseTo(reference[i], within(1e-5 + 1e-4 * scale));
            }
        }
    }

    @Test
    void theBoundChangesTheGradientWhereTheLogScalesAreLarge() {
        float[] xy = RingDataset.training(DataSetKind.UNCONDITIONAL, 64, 9).points().xy();
        try (CouplingFlow free = CouplingFlowTest.trainedFlow(SMALL, 20)) {
            CouplingFlowConfig bounded = SMALL.withLogScaleBound(0.5);
            float[] unbounded = CouplingFlowTest.autogradOfEquation9(SMALL, free.weights(), xy);
            float[] withBound = CouplingFlowTest.autogradOfEquation9(bounded, free.weights(), xy);
            assertThat(withBound).isNotEqualTo(unbounded);
        }
    }

    /**
     * With the smooth activations, so that central differences hold (SELU's derivative jumps at 0,
     * as LeakyReLU's does; the log-determinant does not depend on the activation, and the
     * gradient test above covers SELU).
     */
    @ParameterizedTest
    @EnumSource(names = {"SILU", "TANH"})
    void boundedFlowsInvertAndTheirLogDeterminantMatchesANumericalJacobian(Activation activation) {
        CouplingFlowConfig config = CouplingFlowConfig.EXERCISE.withActivation(activation).withLogScaleBound(1);
        try (CouplingFlow flow = CouplingFlowTest.trainedFlow(config, 100)) {
            float[] z = StandardNormal.draw(500, 11);
            float[][] forward = flow.forwardLayers(z);
            float[] back = flow.inverseLayers(forward[forward.length - 1]).states()[config.couplingLayers()];
            for (int i = 0; i < z.length; i++) {
                assertThat((double) back[i]).isCloseTo(z[i], within(1e-4));
            }
            float[] x = {0.3f, -0.2f, -1.1f, 0.7f, 1.4f, 1.0f, 0.0f, 0.0f, -0.5f, -1.5f};
            InverseTrace trace = flow.inverseLayers(x);
            int last = trace.states().length - 1;
            double eps = 1e-3;
            for (int i = 0; i < x.length / 2; i++) {
                double[][] jacobian = new double[2][2];
                for (int c = 0; c < 2; c++) {
                    float[] plus = {x[2 * i], x[2 * i + 1]};
                    float[] minus = {x[2 * i], x[2 * i + 1]};
                    plus[c] += (float) eps;
                    minus[c] -= (float) eps;
                    float[] zPlus = flow.inverseLayers(plus).states()[last];
                    float[] zMinus = flow.inverseLayers(minus).states()[last];
                    double step = (double) plus[c] - minus[c];
                    jacobian[0][c] = (zPlus[0] - zMinus[0]) / step;
                    jacobian[1][c] = (zPlus[1] - zMinus[1]) / step;
                }
                double numerical = Math.log(Math.abs(jacobian[0][0] * jacobian[1][1] - jacobian[0][1] * jacobian[1][0]));
                float[] zi = trace.states()[last];
                double flowLogDet = trace.logLikelihood()[i] - StandardNormal.logDensity(zi[2 * i], zi[2 * i + 1]);
                assertThat(flowLogDet).as("point %d", i).isCloseTo(numerical, within(2e-3));
            }
        }
    }

    /**
     * A learning rate of 0.1 throws the exercise's unbounded log-scales out of floating point
     * within a few dozen steps; bounded by 3 every loss of the same steps stays finite.
     */
    @Test
    void aBoundedLogScaleKeepsARunFiniteThatOverflowsUnbounded() {
        assertThat(firstNonFiniteStep(CouplingFlowConfig.EXERCISE, 120)).as("unbounded").isPositive();
        assertThat(firstNonFiniteStep(CouplingFlowConfig.EXERCISE.withLogScaleBound(3), 120)).as("bounded by 3").isEqualTo(-1);
    }

    private static int firstNonFiniteStep(CouplingFlowConfig config, int steps) {
        ShuffledBatches batches = new ShuffledBatches(BATCH * 100, BATCH, 7);
        try (CouplingFlow flow = new CouplingFlow(config, 7)) {
            for (int s = 0; s < steps; s++) {
                if (!flow.trainStep(batches.batch(s), 0.1).finite()) {
                    return s + 1;
                }
            }
            return -1;
        }
    }

    /** Each activation's pack, with members that decay, clip, do both or neither, against the same flows alone. */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void membersWithTheirOwnDecayAndClippingLoseWhatTheyLoseAlone(Activation activation) {
        CouplingFlowConfig config = CouplingFlowConfig.EXERCISE.withActivation(activation).withLogScaleBound(4);
        List<OptimizerSettings> settings = List.of(OptimizerSettings.ADAM, new OptimizerSettings(0.1, 0),
                new OptimizerSettings(0, 0.5), new OptimizerSettings(0.01, 2));
        List<CouplingFlow> alone = new ArrayList<>();
        List<ShuffledBatches> data = new ArrayList<>();
        try (CouplingFlowPack pack = new CouplingFlowPack(config, BATCH)) {
            for (int m = 0; m < settings.size(); m++) {
                alone.add(new CouplingFlow(config, settings.get(m), 50 + m));
                data.add(new ShuffledBatches(BATCH * 4 + 30 * m, BATCH, 60 + m));
                pack.join(alone.get(m));
            }
            double[] rates = {1e-3, 2e-3, 3e-3, 1.5e-3};
            for (int s = 0; s < 200; s++) {
                TrainingBatch[] batches = new TrainingBatch[settings.size()];
                for (int m = 0; m < batches.length; m++) {
                    batches[m] = data.get(m).batch(s);
                }
                StepLoss[] losses = pack.trainStep(batches, rates);
                for (int m = 0; m < batches.length; m++) {
                    StepLoss solo = alone.get(m).trainStep(batches[m], rates[m]);
                    assertThat(losses[m].loss()).as("member %d at step %d", m, s)
                            .isCloseTo(solo.loss(), within(1e-5 * Math.abs(solo.loss())));
                }
            }
            for (int m = 0; m < settings.size(); m++) {
                assertClose(pack.state(m), alone.get(m).state(), "member " + m);
            }
            assertThat(alone.get(1).state().parameters()).as("decay changes the weights")
                    .isNotEqualTo(pack.state(0).parameters());
        } finally {
            alone.forEach(CouplingFlow::close);
        }
    }

    /** Weight decay shrinks every weight by lr·λ each step on top of Adam: with λ at its largest the weights end smaller. */
    @Test
    void weightDecayShrinksTheWeightsAgainstPlainAdam() {
        ShuffledBatches batches = new ShuffledBatches(BATCH * 10, BATCH, 3);
        try (CouplingFlow plain = new CouplingFlow(SMALL, OptimizerSettings.ADAM, 5);
                CouplingFlow decayed = new CouplingFlow(SMALL, new OptimizerSettings(1, 0), 5)) {
            for (int s = 0; s < 300; s++) {
                plain.trainStep(batches.batch(s), 1e-2);
                decayed.trainStep(batches.batch(s), 1e-2);
            }
            assertThat(norm(decayed.weights())).isLessThan(norm(plain.weights()));
        }
    }

    private static double norm(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum);
    }

    private static void assertClose(ModelState actual, ModelState expected, String what) {
        assertThat(actual.optimizerSteps()).isEqualTo(expected.optimizerSteps());
        float[] a = actual.parameters();
        float[] e = expected.parameters();
        double scale = 0;
        for (float v : e) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < e.length; i++) {
            assertThat((double) a[i]).as("%s weight %d", what, i).isCloseTo(e[i], within(1e-5 * scale));
        }
    }
}
