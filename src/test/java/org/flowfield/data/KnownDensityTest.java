package org.flowfield.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The exact densities and entropies of docs/data.md against Monte-Carlo estimates. */
class KnownDensityTest {

    private static final int N = 200_000;

    @Test
    void theRingsEntropyIsTheLogOfTheMonteCarloAreaInTheModelsCoordinates() {
        RingDataset training = RingDataset.training(DataSetKind.UNCONDITIONAL, N, 0);
        Standardization stats = training.standardization();
        KnownDensity density = DataSet.RINGS.density(stats).orElseThrow();

        SplittableRandom random = new SplittableRandom(1);
        int inside = 0;
        int draws = 2_000_000;
        for (int i = 0; i < draws; i++) {
            if (OlympicRings.inAnyRing(random.nextDouble(-1, 5), random.nextDouble(-2, 1))) {
                inside++;
            }
        }
        double fraction = (double) inside / draws;
        double area = 18 * fraction;
        double relativeError = 3 * Math.sqrt((1 - fraction) / (fraction * draws));
        double monteCarlo = Math.log(area) - Math.log(stats.stdX() * stats.stdY());

        assertThat(density.entropy()).isCloseTo(monteCarlo, within(relativeError));
        for (int i = 0; i < training.size(); i++) {
            assertThat(density.logDensity(training.points().x(i), training.points().y(i)))
                    .isCloseTo(-density.entropy(), within(1e-12));
        }
        double[] gap = stats.standardize(0, 0);
        assertThat(density.inSupport(gap[0], gap[1])).isFalse();
    }

    @Test
    void theRingsPerClassEntropyIsTheMonteCarloMeanOfMinusLogDensity() {
        RingDataset training = RingDataset.training(DataSetKind.CONDITIONAL, N, 0);
        ClassConditionalDensity density = DataSet.RINGS.classDensity(training.standardization()).orElseThrow();

        double[] monteCarlo = meanMinusLogDensity(training.points(), density);

        assertThat(density.classes()).isEqualTo(5);
        assertThat(density.conditionalEntropy()).isCloseTo(monteCarlo[0], within(3 * monteCarlo[1]));
        for (int c = 0; c < 5; c++) {
            assertThat(density.classProbability(c)).isEqualTo(0.2);
            assertThat(density.givenClass(c).entropy()).isEqualTo(density.conditionalEntropy(), within(1e-12));
        }
        PointCloud points = training.points();
        for (int i = 0; i < points.size(); i++) {
            assertThat(density.givenClass(points.label(i)).inSupport(points.x(i), points.y(i))).isTrue();
        }
        double[] blueCentre = training.standardization().standardize(0, 0);
        double[] blackRing = training.standardization().standardize(2, 1);
        assertThat(density.givenClass(1).inSupport(blueCentre[0], blueCentre[1])).isFalse();
        assertThat(density.givenClass(1).inSupport(blackRing[0], blackRing[1])).isFalse();
        assertThat(density.givenClass(0).inSupport(blackRing[0], blackRing[1])).isTrue();
    }

    @Test
    void eightGaussiansEntropyByQuadratureMatchesMonteCarloAndTheDensityIntegratesToOne() {
        RingDataset training = RingDataset.training(DataSet.EIGHT_GAUSSIANS, DataSetKind.UNCONDITIONAL, N, 0);
        KnownDensity density = DataSet.EIGHT_GAUSSIANS.density(training.standardization()).orElseThrow();
        double[] monteCarlo = meanMinusLogDensity(training.points(), density);

        assertThat(density.entropy()).isCloseTo(monteCarlo[0], within(3 * monteCarlo[1]));
        // Well separated components: a little below log 8 + H(component).
        double separate = Math.log(8) + 1 + Math.log(2 * Math.PI * Math.sqrt(0.1))
                - Math.log(training.standardization().stdX() * training.standardization().stdY());
        assertThat(density.entropy()).isLessThan(separate).isGreaterThan(separate - 0.01);

        double h = 0.01;
        double mass = 0;
        for (double x = -3; x < 3; x += h) {
            for (double y = -3; y < 3; y += h) {
                mass += Math.exp(density.logDensity(x + h / 2, y + h / 2)) * h * h;
            }
        }
        assertThat(mass).isCloseTo(1, within(1e-3));
    }

    @Test
    void eightGaussiansPerClassEntropyIsTheGaussiansAndMatchesMonteCarlo() {
        RingDataset training = RingDataset.training(DataSet.EIGHT_GAUSSIANS, DataSetKind.CONDITIONAL, N, 0);
        ClassConditionalDensity density = DataSet.EIGHT_GAUSSIANS.classDensity(training.standardization()).orElseThrow();
        double[] monteCarlo = meanMinusLogDensity(training.points(), density);

        assertThat(density.classes()).isEqualTo(8);
        assertThat(density.conditionalEntropy()).isCloseTo(monteCarlo[0], within(3 * monteCarlo[1]));
    }

    @Test
    void theCheckerboardIsUniformOnHalfItsSquare() {
        RingDataset training = RingDataset.training(DataSet.CHECKERBOARD, DataSetKind.UNCONDITIONAL, N, 0);
        Standardization stats = training.standardization();
        KnownDensity density = DataSet.CHECKERBOARD.density(stats).orElseThrow();

        SplittableRandom random = new SplittableRandom(2);
        int inside = 0;
        int draws = 1_000_000;
        for (int i = 0; i < draws; i++) {
            double[] z = stats.standardize(random.nextDouble(-4, 4), random.nextDouble(-4, 4));
            if (density.inSupport(z[0], z[1])) {
                inside++;
            }
        }
        double area = 64.0 * inside / draws;
        assertThat(Math.log(area) - Math.log(stats.stdX() * stats.stdY())).isCloseTo(density.entropy(), within(0.01));
        assertThat(density.entropy()).isCloseTo(Math.log(32) - Math.log(stats.stdX() * stats.stdY()), within(1e-12));
        for (int i = 0; i < training.size(); i++) {
            assertThat(density.inSupport(training.points().x(i), training.points().y(i))).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = DataSet.class, names = {"MOONS", "SPIRALS", "PINWHEEL", "CIRCLES", "S_CURVE"})
    void setsWithoutAnExactDensityHaveNone(DataSet set) {
        Standardization stats = new Standardization(0, 0, 1, 1);
        assertThat(set.density(stats)).isEmpty();
        assertThat(set.classDensity(stats)).isEmpty();
    }

    /** {mean of −log p(x | c) (or −log p(x)), its standard error}. */
    private static double[] meanMinusLogDensity(PointCloud points, Object density) {
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < points.size(); i++) {
            double value = density instanceof ClassConditionalDensity classes
                    ? -classes.givenClass(points.label(i)).logDensity(points.x(i), points.y(i))
                    : -((KnownDensity) density).logDensity(points.x(i), points.y(i));
            sum += value;
            squares += value * value;
        }
        int n = points.size();
        double mean = sum / n;
        return new double[] {mean, Math.sqrt((squares / n - mean * mean) / n)};
    }
}
