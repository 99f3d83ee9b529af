package org.flowfield.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RingDatasetTest {

    @ParameterizedTest
    @EnumSource(DataSetKind.class)
    void trainingSetIsStandardisedWithItsOwnStatistics(DataSetKind kind) {
        RingDataset training = RingDataset.training(kind, 5_000, 21);
        double[] moments = moments(training.points());

        assertThat(training.size()).isEqualTo(5_000);
        assertThat(training.points().conditional()).isEqualTo(kind == DataSetKind.CONDITIONAL);
        assertThat(moments[0]).isCloseTo(0, within(1e-6));
        assertThat(moments[1]).isCloseTo(0, within(1e-6));
        assertThat(moments[2]).isCloseTo(1, within(1e-6));
        assertThat(moments[3]).isCloseTo(1, within(1e-6));
    }

    @Test
    void standardisationMapsBackToTheSampledPoints() {
        RingDataset training = RingDataset.training(DataSetKind.CONDITIONAL, 1_000, 5);
        PointCloud original = RingSampler.conditional(1_000, 5);

        float[] back = training.standardization().toOriginal(training.points().xy());
        for (int i = 0; i < back.length; i++) {
            assertThat(back[i]).isCloseTo(original.xy()[i], within(1e-5f));
        }
        assertThat(training.points().labels()).isEqualTo(original.labels());
    }

    @ParameterizedTest
    @EnumSource(DataSetKind.class)
    void sameSeedGivesSameDataset(DataSetKind kind) {
        RingDataset first = RingDataset.training(kind, 1_000, 99);
        RingDataset again = RingDataset.training(kind, 1_000, 99);
        RingDataset other = RingDataset.training(kind, 1_000, 100);

        assertThat(again.points().xy()).isEqualTo(first.points().xy());
        assertThat(again.standardization()).isEqualTo(first.standardization());
        assertThat(other.points().xy()).isNotEqualTo(first.points().xy());
    }

    @Test
    void heldOutSeedDiffersFromTrainingSeed() {
        for (long seed : new long[] {0, 1, -1, 42, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertThat(RingDataset.heldOutSeed(seed)).isNotEqualTo(seed);
        }
    }

    @ParameterizedTest
    @EnumSource(DataSetKind.class)
    void heldOutSetIsFreshAndUsesTheTrainingStatistics(DataSetKind kind) {
        long seed = 8;
        RingDataset training = RingDataset.training(kind, RingDataset.HELD_OUT_SIZE, seed);
        RingDataset heldOut = RingDataset.heldOut(kind, seed, training.standardization());
        double[] moments = moments(heldOut.points());

        assertThat(heldOut.size()).isEqualTo(10_000);
        assertThat(heldOut.kind()).isEqualTo(kind);
        assertThat(heldOut.standardization()).isSameAs(training.standardization());
        assertThat(heldOut.points().xy()).isNotEqualTo(training.points().xy());
        assertThat(heldOut.points().xy())
            .isEqualTo(training.standardization().standardize(
                RingSampler.sample(kind, 10_000, RingDataset.heldOutSeed(seed)).xy()));
        assertThat(moments[0]).isCloseTo(0, within(0.05)).isNotCloseTo(0, within(1e-6));
        assertThat(moments[1]).isCloseTo(0, within(0.05)).isNotCloseTo(0, within(1e-6));
    }

    /** {mean x, mean y, population std x, population std y}, in double. */
    private static double[] moments(PointCloud points) {
        int n = points.size();
        double sumX = 0;
        double sumY = 0;
        for (int i = 0; i < n; i++) {
            sumX += points.x(i);
            sumY += points.y(i);
        }
        double meanX = sumX / n;
        double meanY = sumY / n;
        double squaresX = 0;
        double squaresY = 0;
        for (int i = 0; i < n; i++) {
            squaresX += (points.x(i) - meanX) * (points.x(i) - meanX);
            squaresY += (points.y(i) - meanY) * (points.y(i) - meanY);
        }
        return new double[] {meanX, meanY, Math.sqrt(squaresX / n), Math.sqrt(squaresY / n)};
    }
}
