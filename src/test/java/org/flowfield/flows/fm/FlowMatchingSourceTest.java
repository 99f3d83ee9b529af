package org.flowfield.flows.fm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.flowfield.data.DataSet;
import org.flowfield.data.DataSetKind;
import org.flowfield.data.RingDataset;
import org.flowfield.data.Standardization;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.SourceDistribution;
import org.flowfield.flows.StepLoss;
import org.flowfield.flows.TrainingBatch;
import org.flowfield.testing.SameRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Flow matching from a data set: the start points, and a pack member stepping as its model alone. */
class FlowMatchingSourceTest {

    private static final int BATCH = 128;

    @BeforeAll
    static void engine() {
        TorchRuntime.start(1);
    }

    private static SourceSampler gaussians() {
        float[] reference = DataSet.EIGHT_GAUSSIANS.sample(DataSetKind.UNCONDITIONAL, 10_000, 1).xy();
        return new SourceSampler(SourceDistribution.of(DataSet.EIGHT_GAUSSIANS), Standardization.of(reference));
    }

    @Test
    void startPointsAreFreshSourcePointsStandardisedWithTheReferenceStatistics() {
        SourceSampler source = gaussians();
        float[] drawn = source.draw(100, 9);

        assertThat(drawn).isEqualTo(source.stats().standardize(DataSet.EIGHT_GAUSSIANS.sample(DataSetKind.UNCONDITIONAL, 100, 9).xy()));
        assertThat(SourceSampler.STANDARD_NORMAL.draw(100, 9)).isEqualTo(org.flowfield.flows.StandardNormal.draw(100, 9));
    }

    @Test
    void aMemberWithADataSourceStepsInAPackAsItsModelAlone() {
        FlowMatchingConfig config = FlowMatchingConfig.EXERCISE;
        RingDataset moons = RingDataset.training(DataSet.MOONS, DataSetKind.UNCONDITIONAL, BATCH * 20, 4);
        try (FlowMatching alone = new FlowMatching(config, 5, gaussians());
                FlowMatching member = new FlowMatching(config, 5, gaussians());
                FlowMatching normal = new FlowMatching(config, 6);
                FlowMatchingPack pack = new FlowMatchingPack(config, BATCH)) {
            pack.join(member);
            pack.join(normal);
            for (int step = 0; step < 20; step++) {
                TrainingBatch batch = new TrainingBatch(
                        Arrays.copyOfRange(moons.points().xy(), 2 * BATCH * step, 2 * BATCH * (step + 1)), null, 100 + step);
                StepLoss[] packed = pack.trainStep(new TrainingBatch[] {batch, batch}, new double[] {1e-3, 1e-3});
                double expected = alone.trainStep(batch, 1e-3).loss();
                assertThat(packed[0].loss()).as("step %d", step).isCloseTo(expected, within(SameRun.LOSS_RELATIVE * Math.max(1, expected)));
            }
        }
    }
}
