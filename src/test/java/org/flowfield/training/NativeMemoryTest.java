package org.flowfield.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.flowfield.data.PointCloud;
import org.flowfield.data.RingDataset;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.FlowModel;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.TrainingBatch;
import org.flowfield.metrics.QualityEvaluator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every step closes what it allocates: the number of live native arrays does not grow with steps. */
class NativeMemoryTest {

    @BeforeAll
    static void engine() {
        TorchRuntime.start(1);
    }

    @ParameterizedTest
    @EnumSource(ModelFamily.class)
    void liveNativeArraysStayConstantOverManySteps(ModelFamily family) {
        TrainingConfig config = TrainingConfig.exercise(family, 1).withPoints(128 * 10);
        RingDataset data = RingDataset.training(family.dataSet(), config.points(), 1);
        NDManager engineRoot;
        try (NDManager probe = TorchRuntime.get().newManager()) {
            engineRoot = probe.getParentManager();
        }
        try (FlowModel model = ModelFactory.create(config)) {
            exercise(model, data, 0, 20);
            int before = engineRoot.getManagedArrays().size();
            exercise(model, data, 20, 600);
            int after = engineRoot.getManagedArrays().size();
            assertThat(after).isEqualTo(before);
        }
    }

    /** Training steps, then a validation, samples and likelihoods, as a run makes them. */
    private static void exercise(FlowModel model, RingDataset data, int from, int to) {
        float[] xy = data.points().xy();
        int[] labels = data.points().labels();
        for (int s = from; s < to; s++) {
            int start = (s % 10) * 128;
            model.trainStep(new TrainingBatch(Arrays.copyOfRange(xy, 2 * start, 2 * start + 256),
                    labels == null ? null : Arrays.copyOfRange(labels, start, start + 128), s), 1e-3);
        }
        PointCloud some = data.points().subsample(50);
        model.validationLoss(some, 3);
        model.sample(50, model.family().conditional() ? QualityEvaluator.cyclingClasses(50) : null, 4);
        model.logLikelihood(some);
    }
}
