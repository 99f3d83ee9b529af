package org.flowfield.flows.fm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.flowfield.data.DataSetKind;
import org.flowfield.data.PointCloud;
import org.flowfield.data.RingDataset;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.Activation;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.StandardNormal;
import org.flowfield.flows.StepLoss;
import org.flowfield.flows.TrainingBatch;
import org.flowfield.flows.optim.OptimizerSettings;
import org.flowfield.testing.SameRun;
import org.flowfield.training.SettingWarnings;
import org.flowfield.training.TrainingConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The flow-matching options: every activation (gradient against autograd, divergence against
 * central differences, packed against alone with per-member decay and clipping), and minibatch
 * optimal transport within classes.
 */
class FlowMatchingOptionsTest {

    private static final int BATCH = 128;

    @BeforeAll
    static void engine() {
        TorchRuntime.start(1);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void handDerivedGradientEqualsAutogradForEveryActivation(Activation activation) {
        FlowMatchingConfig config = new FlowMatchingConfig(16, 4, 0.01, true, 3, 0, false).withActivation(activation);
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
            NDArray[] ours = network.lossAndGradient(new PairBatch(manager.create(input, new Shape(b, 3)),
                    FlowIntegrator.oneHot(manager, classes, config.classes()), manager.create(target, new Shape(b, 2)), null, new int[] {b}));
            float[][] reference = VectorFieldNetworkTest.autograd(config, network.parameters().toArray(), input, classes, target);
            assertThat((double) ours[0].getFloat()).isCloseTo(reference[0][0], within(1e-5));
            float[] gradient = ours[1].toFloatArray();
            for (int i = 0; i < gradient.length; i++) {
                assertThat((double) gradient[i]).as("gradient entry %d", i).isCloseTo(reference[1][i], within(2e-5));
            }
        }
    }

    /** With the smooth activations the field is differentiable everywhere, so central differences apply. */
    @ParameterizedTest
    @EnumSource(names = {"SILU", "TANH"})
    void exactDivergenceMatchesCentralDifferences(Activation activation) {
        try (FlowMatching model = trained(FlowMatchingConfig.EXERCISE.withActivation(activation), OptimizerSettings.ADAM)) {
            float[] y = StandardNormal.draw(20, 4);
            for (double t : new double[] {0.0, 0.5, 0.9}) {
                float[] divergence = model.divergence(y, null, t);
                for (int i = 0; i < 20; i++) {
                    double sum = 0;
                    for (int axis = 0; axis < 2; axis++) {
                        float[] plus = {y[2 * i], y[2 * i + 1]};
                        float[] minus = plus.clone();
                        plus[axis] += 1e-2f;
                        minus[axis] -= 1e-2f;
                        sum += (model.velocity(plus, null, t)[axis] - model.velocity(minus, null, t)[axis])
                                / ((double) plus[axis] - minus[axis]);
                    }
                    assertThat((double) divergence[i]).as("point %d at t=%s", i, t).isCloseTo(sum, within(2e-3 + 2e-3 * Math.abs(sum)));
                }
            }
        }
    }

    /** A pack per activation whose members decay, clip, both or neither, against the same models alone. */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void membersWithTheirOwnDecayAndClippingLoseWhatTheyLoseAlone(Activation activation) {
        FlowMatchingConfig config = FlowMatchingConfig.EXERCISE_CONDITIONAL.withActivation(activation);
        List<OptimizerSettings> settings = List.of(OptimizerSettings.ADAM, new OptimizerSettings(0.1, 0),
                new OptimizerSettings(0, 0.5), new OptimizerSettings(0.01, 2));
        List<FlowMatching> alone = new ArrayList<>();
        PointCloud data = RingDataset.training(DataSetKind.CONDITIONAL, BATCH * 4 + 5, 8).points();
        double[] rates = {1e-3, 2e-3, 3e-3, 1.5e-3};
        try (FlowMatchingPack pack = new FlowMatchingPack(config, BATCH)) {
            for (int m = 0; m < settings.size(); m++) {
                FlowMatchingConfig member = m % 2 == 0 ? config : config.withMinibatchOptimalTransport(true).withTransportWithinClasses(true);
                alone.add(new FlowMatching(member, settings.get(m), 30 + m));
                pack.join(alone.get(m));
            }
            for (int s = 0; s < 150; s++) {
                TrainingBatch[] batches = new TrainingBatch[settings.size()];
                for (int m = 0; m < batches.length; m++) {
                    batches[m] = batch(data, (s + m) % 4, 1_000L * m + s);
                }
                StepLoss[] losses = pack.trainStep(batches, rates);
                for (int m = 0; m < batches.length; m++) {
                    double solo = alone.get(m).trainStep(batches[m], rates[m]).loss();
                    assertThat(losses[m].loss()).as("member %d at step %d", m, s).isCloseTo(solo, within(1e-5 * Math.abs(solo)));
                }
            }
            for (int m = 0; m < settings.size(); m++) {
                float[] packed = pack.state(m).parameters();
                float[] solo = alone.get(m).state().parameters();
                for (int i = 0; i < solo.length; i++) {
                    assertThat((double) packed[i]).as("member %d weight %d", m, i)
                            .isCloseTo(solo[i], within(SameRun.LOSS_RELATIVE * Math.max(1, Math.abs(solo[i]))));
                }
            }
        } finally {
            alone.forEach(FlowMatching::close);
        }
    }

    /**
     * Within classes, noise row i goes to a data point of row i's class, so the classes stay in
     * their rows and each class's noise is its own N(0, I) sample; within each class the pairing
     * is the optimal assignment of that class's rows. Across classes (plain OT) the classes move.
     */
    @Test
    void optimalTransportWithinClassesPairsEachClassOptimallyAmongItsOwnRows() {
        PointCloud all = RingDataset.training(DataSetKind.CONDITIONAL, 5 * BATCH, 5).points();
        float[] xy = new float[2 * BATCH];
        int[] labels = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            int j = (i * 37) % all.size();
            xy[2 * i] = all.xy()[2 * j];
            xy[2 * i + 1] = all.xy()[2 * j + 1];
            labels[i] = all.labels()[j];
        }
        PointCloud data = new PointCloud(xy, labels);
        FlowMatchingConfig plain = FlowMatchingConfig.EXERCISE_CONDITIONAL.withMinibatchOptimalTransport(true);
        TrainingPairs.Draw across = new TrainingPairs(plain, SourceSampler.STANDARD_NORMAL).draw(data.xy(), data.labels(), 17, 0, BATCH);
        TrainingPairs.Draw within = new TrainingPairs(plain.withTransportWithinClasses(true), SourceSampler.STANDARD_NORMAL)
                .draw(data.xy(), data.labels(), 17, 0, BATCH);
        assertThat(across.labels()).isNotEqualTo(data.labels());
        assertThat(within.labels()).containsExactly(data.labels());

        float[] noise = noise(within);
        float[] paired = endpoints(within);
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 2 * BATCH; i++) {
            assertThat((double) noise[i]).isCloseTo(random.nextGaussian(), within(1e-5));
        }
        for (int c = 0; c < 5; c++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                if (data.labels()[i] == c) {
                    rows.add(i);
                }
            }
            assertThat(rows).as("class %d in the batch", c).isNotEmpty();
            float[] classNoise = new float[2 * rows.size()];
            float[] classData = new float[2 * rows.size()];
            double ours = 0;
            for (int r = 0; r < rows.size(); r++) {
                int i = rows.get(r);
                classNoise[2 * r] = noise[2 * i];
                classNoise[2 * r + 1] = noise[2 * i + 1];
                classData[2 * r] = data.xy()[2 * i];
                classData[2 * r + 1] = data.xy()[2 * i + 1];
                ours += squaredDistance(noise, i, paired, i);
            }
            int[] best = new MinibatchOptimalTransport().assign(classNoise, classData, rows.size());
            double optimum = 0;
            for (int r = 0; r < rows.size(); r++) {
                optimum += squaredDistance(classNoise, r, classData, best[r]);
            }
            assertThat(ours).as("class %d", c).isCloseTo(optimum, within(1e-3));
            java.util.Set<Integer> used = new java.util.HashSet<>();
            for (int i : rows) {
                for (int j : rows) {
                    if (squaredDistance(paired, i, data.xy(), j) < 1e-8) {
                        used.add(j);
                    }
                }
            }
            assertThat(used).as("class %d pairs each of its own points once", c).hasSameSizeAs(rows);
        }
    }

    @Test
    void plainOptimalTransportWithClassesWarnsAndWithinClassesDoesNot() {
        TrainingConfig conditional = TrainingConfig.exercise(ModelFamily.CONDITIONAL_FLOW_MATCHING, 1);
        FlowMatchingConfig ot = conditional.flowMatching().withMinibatchOptimalTransport(true);
        assertThat(SettingWarnings.of(conditional.withFlowMatching(ot))).singleElement().asString()
                .contains("across classes").contains("Pair within classes");
        assertThat(SettingWarnings.of(conditional.withFlowMatching(ot.withTransportWithinClasses(true)))).isEmpty();
        assertThat(SettingWarnings.of(conditional)).isEmpty();
        TrainingConfig unconditional = TrainingConfig.exercise(ModelFamily.FLOW_MATCHING, 1);
        assertThat(SettingWarnings.of(unconditional.withFlowMatching(unconditional.flowMatching().withMinibatchOptimalTransport(true))))
                .isEmpty();
    }

    /** y₀ of each row from (y_t, t) and u_t with σ_min = 0: y₀ = y_t − t·u_t. */
    private static float[] noise(TrainingPairs.Draw draw) {
        float[] result = new float[2 * draw.size()];
        for (int i = 0; i < draw.size(); i++) {
            float t = draw.input()[3 * i + 2];
            for (int c = 0; c < 2; c++) {
                result[2 * i + c] = draw.input()[3 * i + c] - t * draw.target()[2 * i + c];
            }
        }
        return result;
    }

    /** y₁ of each row: y₁ = y_t + (1 − t)·u_t. */
    private static float[] endpoints(TrainingPairs.Draw draw) {
        float[] result = new float[2 * draw.size()];
        for (int i = 0; i < draw.size(); i++) {
            float t = draw.input()[3 * i + 2];
            for (int c = 0; c < 2; c++) {
                result[2 * i + c] = draw.input()[3 * i + c] + (1 - t) * draw.target()[2 * i + c];
            }
        }
        return result;
    }

    private static double squaredDistance(float[] a, int i, float[] b, int j) {
        double dx = a[2 * i] - b[2 * j];
        double dy = a[2 * i + 1] - b[2 * j + 1];
        return dx * dx + dy * dy;
    }

    private static TrainingBatch batch(PointCloud data, int slice, long noiseSeed) {
        int from = slice * BATCH;
        return new TrainingBatch(Arrays.copyOfRange(data.xy(), 2 * from, 2 * (from + BATCH)),
                Arrays.copyOfRange(data.labels(), from, from + BATCH), noiseSeed);
    }

    private static FlowMatching trained(FlowMatchingConfig config, OptimizerSettings optimizer) {
        FlowMatching model = new FlowMatching(config, optimizer, 1);
        PointCloud data = RingDataset.training(DataSetKind.UNCONDITIONAL, BATCH * 10, 2).points();
        for (int s = 0; s < 200; s++) {
            int from = (s % 10) * BATCH;
            model.trainStep(new TrainingBatch(Arrays.copyOfRange(data.xy(), 2 * from, 2 * (from + BATCH)), null, s), 2e-3);
        }
        return model;
    }
}
