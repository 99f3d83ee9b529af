package org.flowfield.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.flowfield.data.DataSetKind;
import org.flowfield.data.RingDataset;
import org.junit.jupiter.api.Test;

class SlicedWassersteinTest {

    @Test
    void identicalSetsAreAtDistanceZero() {
        float[] points = RingDataset.training(DataSetKind.UNCONDITIONAL, 2_000, 1).points().xy();

        assertThat(SlicedWasserstein.distance(points, points.clone())).isZero();
    }

    /**
     * Shifting every point by (d, 0) shifts every projection on angle theta by d cos(theta)
     * without reordering it, so the distance is d * sqrt(mean of cos^2 over the angles).
     */
    @Test
    void shiftAlongXGivesTheShiftTimesRootMeanSquareCosine() {
        float d = 0.75f;
        float[] points = gridPoints(1_000, 3);
        float[] shifted = points.clone();
        for (int i = 0; i < shifted.length; i += 2) {
            shifted[i] += d;
        }
        double[] angles = SlicedWasserstein.directions(SlicedWasserstein.DIRECTIONS, SlicedWasserstein.DIRECTION_SEED);
        double meanCosSquared = 0;
        for (double angle : angles) {
            meanCosSquared += Math.cos(angle) * Math.cos(angle) / angles.length;
        }

        assertThat(SlicedWasserstein.distance(points, shifted)).isCloseTo(d * Math.sqrt(meanCosSquared), within(1e-12));
    }

    @Test
    void directionsAreUniformAnglesFromTheSeed() {
        double[] angles = SlicedWasserstein.directions(256, SlicedWasserstein.DIRECTION_SEED);

        assertThat(angles).hasSize(256);
        for (double angle : angles) {
            assertThat(angle).isGreaterThanOrEqualTo(0.0).isLessThan(2 * Math.PI);
        }
        assertThat(angles).isEqualTo(SlicedWasserstein.directions(256, SlicedWasserstein.DIRECTION_SEED));
        assertThat(angles).isNotEqualTo(SlicedWasserstein.directions(256, SlicedWasserstein.DIRECTION_SEED + 1));
    }

    @Test
    void isSymmetric() {
        float[] a = gridPoints(500, 5);
        float[] b = gridPoints(500, 6);

        assertThat(SlicedWasserstein.distance(a, b)).isEqualTo(SlicedWasserstein.distance(b, a)).isPositive();
    }

    @Test
    void ignoresTheOrderOfThePoints() {
        float[] a = gridPoints(500, 7);
        float[] b = gridPoints(500, 8);
        float[] shuffled = b.clone();
        SplittableRandom random = new SplittableRandom(9);
        for (int i = shuffled.length / 2 - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            swapPoints(shuffled, i, j);
        }

        assertThat(SlicedWasserstein.distance(a, shuffled)).isEqualTo(SlicedWasserstein.distance(a, b));
    }

    /**
     * a = {(0, 0), (1, 0)}, b = {(0, 1), (2, 0)}.
     * Angle 0: projections {0, 1} and {0, 2}, squared differences 0 and 1.
     * Angle pi/2: projections {0, 0} and {1, 0}, sorted {0, 0} and {0, 1}, squared differences 0 and 1.
     * Mean 2 / 4, distance sqrt(1/2).
     */
    @Test
    void matchesAHandComputedExample() {
        float[] a = {0, 0, 1, 0};
        float[] b = {0, 1, 2, 0};

        assertThat(SlicedWasserstein.distance(a, b, new double[] {0})).isCloseTo(Math.sqrt(0.5), within(1e-15));
        assertThat(SlicedWasserstein.distance(a, b, new double[] {0, Math.PI / 2}))
            .isCloseTo(Math.sqrt(0.5), within(1e-12));
    }

    @Test
    void rejectsSetsOfDifferentSizes() {
        assertThatThrownBy(() -> SlicedWasserstein.distance(new float[] {0, 0}, new float[] {0, 0, 1, 1}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same number of points");
    }

    @Test
    void isFastEnoughForTheReportedFigure() {
        float[] a = RingDataset.training(DataSetKind.UNCONDITIONAL, 10_000, 1).points().xy();
        float[] b = RingDataset.training(DataSetKind.UNCONDITIONAL, 10_000, 2).points().xy();
        SlicedWasserstein.distance(a, b);

        long start = System.nanoTime();
        double distance = SlicedWasserstein.distance(a, b);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(distance).isPositive().isLessThan(0.1);
        assertThat(millis).isLessThan(2_000);
    }

    /** Random points on a 1/8 grid, so that adding 0.75 to a coordinate is exact in float. */
    private static float[] gridPoints(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] xy = new float[2 * n];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = random.nextInt(-32, 33) / 8f;
        }
        return xy;
    }

    private static void swapPoints(float[] xy, int i, int j) {
        for (int axis = 0; axis < 2; axis++) {
            float t = xy[2 * i + axis];
            xy[2 * i + axis] = xy[2 * j + axis];
            xy[2 * j + axis] = t;
        }
    }
}
