package org.flowfield.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flowfield.data.DataSetKind;
import org.flowfield.data.RingDataset;
import org.flowfield.data.Standardization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InRingFractionTest {

    /** Standardisation with mean (1, -0.5) and std (2, 0.5), so original = (2 x' + 1, 0.5 y' - 0.5). */
    private static final Standardization STATS = new Standardization(1, -0.5, 2, 0.5);

    @ParameterizedTest
    @EnumSource(DataSetKind.class)
    void heldOutDataScoresOne(DataSetKind kind) {
        for (long seed = 0; seed < 5; seed++) {
            RingDataset training = RingDataset.training(kind, 10_000, seed);
            RingDataset heldOut = RingDataset.heldOut(kind, seed, training.standardization());

            assertThat(InRingFraction.of(heldOut.points().xy(), heldOut.standardization())).isEqualTo(1.0);
        }
    }

    @Test
    void ringCentresAndFarPointsScoreZero() {
        float[] original = {0, 0, 2, 0, 4, 0, 1, -1, 3, -1, 100, 100, -50, 3};

        assertThat(InRingFraction.of(STATS.standardize(original), STATS)).isZero();
    }

    @Test
    void countsTheShareInsideAnAnnulus() {
        float[] original = {
            1, 0,       // on the blue ring (distance 1 from (0, 0))
            0, 0,       // blue centre
            2, 1.1f,    // inside the black ring
            4, -1.05f,  // inside the red ring
            10, 0,      // far away
        };

        assertThat(InRingFraction.of(STATS.standardize(original), STATS)).isEqualTo(3.0 / 5);
    }

    @Test
    void boundariesAreInclusive() {
        float[] inner = {-0.875f, 0};
        float[] outer = {0, 1.125f};
        float[] justOutside = {0, 1.126f};
        float[] justInside = {-0.874f, 0};
        Standardization identity = new Standardization(0, 0, 1, 1);

        assertThat(InRingFraction.of(inner, identity)).isEqualTo(1.0);
        assertThat(InRingFraction.of(outer, identity)).isEqualTo(1.0);
        assertThat(InRingFraction.of(justOutside, identity)).isZero();
        assertThat(InRingFraction.of(justInside, identity)).isZero();
    }

    @Test
    void nonFiniteSamplesCountAsOutside() {
        Standardization identity = new Standardization(0, 0, 1, 1);
        float[] samples = {1, 0, Float.NaN, 0, Float.POSITIVE_INFINITY, 0, 1, Float.NEGATIVE_INFINITY};

        assertThat(InRingFraction.of(samples, identity)).isEqualTo(0.25);
    }

    @Test
    void rejectsEmptyInput() {
        assertThatThrownBy(() -> InRingFraction.of(new float[0], STATS)).isInstanceOf(IllegalArgumentException.class);
    }
}
