package org.flowfield.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each generator against its definition in docs/data.md: moments, support, class sizes, seeds. */
class DataSetTest {

    private static final int N = 200_000;

    @ParameterizedTest
    @EnumSource(DataSet.class)
    void theSameSeedGivesTheSamePointsAndAnotherSeedOthers(DataSet set) {
        PointCloud first = set.sample(DataSetKind.UNCONDITIONAL, 1_000, 17);

        assertThat(set.sample(DataSetKind.UNCONDITIONAL, 1_000, 17).xy()).isEqualTo(first.xy());
        assertThat(set.sample(DataSetKind.UNCONDITIONAL, 1_000, 18).xy()).isNotEqualTo(first.xy());
        assertThat(first.size()).isEqualTo(set.size(DataSetKind.UNCONDITIONAL, 1_000));
        assertThat(first.conditional()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = DataSet.class, names = "RINGS", mode = EnumSource.Mode.EXCLUDE)
    void aLabelledSampleIsTheUnlabelledOneWithItsPartsAsClassesInEqualShares(DataSet set) {
        if (!set.labelled()) {
            assertThatThrownBy(() -> set.sample(DataSetKind.CONDITIONAL, 100, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("has no classes");
            return;
        }
        int n = 1_003;
        PointCloud labelled = set.sample(DataSetKind.CONDITIONAL, n, 4);

        assertThat(labelled.xy()).isEqualTo(set.sample(DataSetKind.UNCONDITIONAL, n, 4).xy());
        int[] sizes = new int[set.classes()];
        for (int i = 0; i < n; i++) {
            assertThat(labelled.label(i)).isEqualTo(i % set.classes());
            sizes[labelled.label(i)]++;
        }
        for (int size : sizes) {
            assertThat(size).isBetween(n / set.classes(), n / set.classes() + 1);
        }
    }

    @Test
    void theRingsAreTheRingSamplersPoints() {
        assertThat(DataSet.RINGS.sample(DataSetKind.UNCONDITIONAL, 500, 3).xy()).isEqualTo(RingSampler.unconditional(500, 3).xy());
        PointCloud conditional = DataSet.RINGS.sample(DataSetKind.CONDITIONAL, 503, 3);
        assertThat(conditional.xy()).isEqualTo(RingSampler.conditional(503, 3).xy());
        assertThat(conditional.labels()).isEqualTo(RingSampler.conditional(503, 3).labels());
        assertThat(DataSet.RINGS.size(DataSetKind.CONDITIONAL, 503)).isEqualTo(500);
    }

    @Test
    void eightGaussiansHaveTheirMeansOnTheCircleOfRadiusFiveAndVarianceRootOfATenth() {
        PointCloud points = DataSet.EIGHT_GAUSSIANS.sample(DataSetKind.CONDITIONAL, N, 5);
        for (int k = 0; k < 8; k++) {
            double[] m = moments(points, k);
            double tolerance = 5 * Math.sqrt(Math.sqrt(0.1) / (N / 8.0));
            assertThat(m[0]).isCloseTo(5 * Math.cos(Math.PI * k / 4), within(tolerance));
            assertThat(m[1]).isCloseTo(5 * Math.sin(Math.PI * k / 4), within(tolerance));
            assertThat(m[2]).isCloseTo(Math.sqrt(0.1), within(0.01));
            assertThat(m[3]).isCloseTo(Math.sqrt(0.1), within(0.01));
        }
        double[] all = moments(points, -1);
        assertThat(all[2]).isCloseTo(12.5 + Math.sqrt(0.1), within(0.1));
        assertThat(all[3]).isCloseTo(12.5 + Math.sqrt(0.1), within(0.1));
    }

    @Test
    void moonsAreTwoScaledHalfCirclesWithTheirMeansAndSpreads() {
        PointCloud points = DataSet.MOONS.sample(DataSetKind.CONDITIONAL, N, 6);
        double[] upper = moments(points, 0);
        double[] lower = moments(points, 1);
        // E cos θ = 0, E sin θ = 2/π, Var cos θ = 1/2, Var sin θ = 1/2 − 4/π², θ ~ U[0, π].
        assertThat(upper[0]).isCloseTo(-1, within(0.01));
        assertThat(upper[1]).isCloseTo(4 / Math.PI, within(0.01));
        assertThat(lower[0]).isCloseTo(1, within(0.01));
        assertThat(lower[1]).isCloseTo(1 - 4 / Math.PI, within(0.01));
        double noise = 0.05 * 0.05;
        for (double[] moon : new double[][] {upper, lower}) {
            assertThat(moon[2]).isCloseTo(4 * (0.5 + noise), within(0.02));
            assertThat(moon[3]).isCloseTo(4 * (0.5 - 4 / (Math.PI * Math.PI) + noise), within(0.01));
        }
    }

    @Test
    void theCheckerboardIsUniformOnItsEightSquares() {
        PointCloud points = DataSet.CHECKERBOARD.sample(DataSetKind.UNCONDITIONAL, N, 7);
        int[] perSquare = new int[16];
        for (int i = 0; i < points.size(); i++) {
            double x = points.x(i);
            double y = points.y(i);
            assertThat(Checkerboard.inSupport(x, y)).as("(%s, %s)", x, y).isTrue();
            int column = (int) Math.min(3, Math.floor((x + 4) / 2));
            int row = (int) Math.min(3, Math.floor((y + 4) / 2));
            perSquare[4 * row + column]++;
        }
        for (int row = 0; row < 4; row++) {
            for (int column = 0; column < 4; column++) {
                int count = perSquare[4 * row + column];
                if ((row + column) % 2 == 0) {
                    assertThat(count).isCloseTo(N / 8, within(5 * (int) Math.sqrt(N / 8.0)));
                } else {
                    assertThat(count).isZero();
                }
            }
        }
        double[] m = moments(points, -1);
        assertThat(m[0]).isCloseTo(0, within(0.02));
        assertThat(m[2]).isCloseTo(16.0 / 3, within(0.05));
        assertThat(m[3]).isCloseTo(16.0 / 3, within(0.05));
    }

    @Test
    void theSpiralsArmsHaveTheMeansOfTheirDefinitionAndMirrorEachOther() {
        PointCloud points = DataSet.SPIRALS.sample(DataSetKind.CONDITIONAL, N, 8);
        // Arm 0: x = (−s cos s + a) / 3, y = (s sin s + b) / 3, s = 3π√u, a, b ~ U[0, 1/2].
        double meanX = (expectation(s -> -s * Math.cos(s)) + 0.25) / 3;
        double meanY = (expectation(s -> s * Math.sin(s)) + 0.25) / 3;
        double squareX = expectation(s -> s * s * Math.cos(s) * Math.cos(s));
        double crossX = expectation(s -> -s * Math.cos(s)) * 0.25 * 2;
        double varianceX = (squareX + crossX + 1.0 / 12) / 9 + 0.01 - meanX * meanX;
        double[] arm0 = moments(points, 0);
        double[] arm1 = moments(points, 1);
        assertThat(arm0[0]).isCloseTo(meanX, within(0.02));
        assertThat(arm0[1]).isCloseTo(meanY, within(0.02));
        assertThat(arm1[0]).isCloseTo(-meanX, within(0.02));
        assertThat(arm1[1]).isCloseTo(-meanY, within(0.02));
        assertThat(arm0[2]).isCloseTo(varianceX, within(0.05));
        for (int i = 0; i < points.size(); i++) {
            double radius = 3 * Math.hypot(points.x(i), points.y(i));
            assertThat(radius).isLessThan(3 * Math.PI + 0.5 * Math.sqrt(2) + 3 * 0.1 * 6 * Math.sqrt(2));
        }
    }

    @Test
    void thePinwheelIsCentredWithTheSecondMomentOfItsArms() {
        PointCloud points = DataSet.PINWHEEL.sample(DataSetKind.UNCONDITIONAL, N, 9);
        double[] m = moments(points, -1);
        // Turning keeps |p|: E|p|² = 4 (E ρ² + E τ²) = 4 (1 + 0.09 + 0.01); five arms cancel the mean.
        assertThat(m[0]).isCloseTo(0, within(0.02));
        assertThat(m[1]).isCloseTo(0, within(0.02));
        assertThat(m[2] + m[3]).isCloseTo(4 * 1.1, within(0.03));
    }

    @Test
    void theCirclesHaveRadiiThreeAndAHalfAndOneAndThreeQuarters() {
        PointCloud points = DataSet.CIRCLES.sample(DataSetKind.CONDITIONAL, N, 10);
        double[] outer = moments(points, 0);
        double[] inner = moments(points, 1);
        double noise = 2 * 0.05 * 0.05;
        assertThat(outer[0]).isCloseTo(0, within(0.02));
        assertThat(inner[1]).isCloseTo(0, within(0.02));
        assertThat(outer[2] + outer[3]).isCloseTo(3.5 * 3.5 * (1 + noise), within(0.02));
        assertThat(inner[2] + inner[3]).isCloseTo(3.5 * 3.5 * (0.25 + noise), within(0.02));
    }

    @Test
    void theSCurveHasTheMomentsOfItsSideView() {
        PointCloud points = DataSet.S_CURVE.sample(DataSetKind.UNCONDITIONAL, N, 11);
        double[] m = moments(points, -1);
        // t ~ U[−3π/2, 3π/2]: E sin t = 0, E sin² t = 1/2; y = sign(t)(cos t − 1) is odd in t.
        // E cos t = −2/(3π), so E (cos t − 1)² = E cos² t − 2 E cos t + 1 = 1/2 + 4/(3π) + 1.
        assertThat(m[0]).isCloseTo(0, within(0.01));
        assertThat(m[1]).isCloseTo(0, within(0.02));
        assertThat(m[2]).isCloseTo(2.25 * (0.5 + 0.0025), within(0.01));
        assertThat(m[3]).isCloseTo(2.25 * (1.5 + 4 / (3 * Math.PI) + 0.0025), within(0.03));
    }

    @Test
    void namesRoundTripAndAnUnknownNameListsTheValidOnes() {
        for (DataSet set : DataSet.values()) {
            assertThat(DataSet.ofCode(set.code())).isEqualTo(set);
        }
        assertThatThrownBy(() -> DataSet.ofCode("swissroll"))
                .hasMessage("unknown data set 'swissroll': expected one of rings, eight-gaussians, moons, checkerboard, "
                        + "spirals, pinwheel, circles, s-curve");
        assertThat(DataSet.RINGS.classHexColour(1)).isEqualTo("#0081C8");
        assertThat(DataSet.RINGS.className(0)).isEqualTo("black");
        assertThat(DataSet.MOONS.className(1)).isEqualTo("class 1");
    }

    /** E f(3π√u), u ~ U[0, 1], by the midpoint rule. */
    private static double expectation(DoubleUnaryOperator f) {
        int steps = 200_000;
        double sum = 0;
        for (int i = 0; i < steps; i++) {
            sum += f.applyAsDouble(3 * Math.PI * Math.sqrt((i + 0.5) / steps));
        }
        return sum / steps;
    }

    /** {mean x, mean y, var x, var y} of the points of one class (all points for −1). */
    private static double[] moments(PointCloud points, int label) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        int n = 0;
        for (int i = 0; i < points.size(); i++) {
            if (label >= 0 && points.label(i) != label) {
                continue;
            }
            double x = points.x(i);
            double y = points.y(i);
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            n++;
        }
        double mx = sx / n;
        double my = sy / n;
        return new double[] {mx, my, sxx / n - mx * mx, syy / n - my * my};
    }
}
