package org.flowfield.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The density uniform under the strokes: its area against shapes whose area is known in closed
 * form, the exact bounds even with coarse strips, log p inside and outside, and the sampler.
 */
class DrawnDensityTest {

    private static Stroke dot(double x, double y, double width) {
        return new Stroke(width, new double[] {x, y});
    }

    private static Stroke line(double width, double... xy) {
        return new Stroke(width, xy);
    }

    private static double capsuleArea(double r, double length) {
        return 2 * r * length + Math.PI * r * r;
    }

    private static void assertArea(List<Stroke> strokes, double exact) {
        AreaBounds area = new StrokeRegion(strokes).area();
        assertThat(area.lower()).isLessThanOrEqualTo(exact);
        assertThat(area.upper()).isGreaterThanOrEqualTo(exact);
        assertThat(area.logWidth()).as("log(upper / lower)").isLessThanOrEqualTo(1.001e-3);
        assertThat(area.estimate()).isCloseTo(exact, within(area.upper() - area.lower()));
        assertThat(new DrawnDensity(new StrokeRegion(strokes)).entropy()).isCloseTo(Math.log(exact), within(area.logWidth()));
    }

    @Test
    void aDotCoversItsDisc() {
        assertArea(List.of(dot(0.5, -1, 0.6)), Math.PI * 0.09);
    }

    @Test
    void aStraightStrokeCoversOneCapsuleInAnyDirectionAndHowEverManyPointsItHas() {
        assertArea(List.of(line(0.4, -2, 1, 2, 1)), capsuleArea(0.2, 4));
        assertArea(List.of(line(0.4, -1, -1, 1, 2)), capsuleArea(0.2, Math.hypot(2, 3)));
        assertArea(List.of(line(0.4, 1, -2, 1, 2)), capsuleArea(0.2, 4));
        double[] many = new double[2 * 201];
        for (int i = 0; i <= 200; i++) {
            many[2 * i] = -2 + 0.02 * i;
            many[2 * i + 1] = 0.5 * (-2 + 0.02 * i);
        }
        assertArea(List.of(new Stroke(0.3, many)), capsuleArea(0.15, 4 * Math.hypot(1, 0.5)));
    }

    @Test
    void overlapsCountOnce() {
        // two dots of radius 1 whose centres are 1 apart: twice a disc minus their lens
        double lens = 2 * Math.acos(0.5) - 0.5 * Math.sqrt(3);
        assertArea(List.of(dot(0, 0, 2), dot(1, 0, 2)), 2 * Math.PI - lens);
        // a cross: two capsules through each other's middles share a square of side 2r
        assertArea(List.of(line(0.2, -1, 0, 1, 0), line(0.2, 0, -1, 0, 1)), 2 * capsuleArea(0.1, 2) - 0.04);
        // the same stroke twice
        assertArea(List.of(line(0.5, 0, 0, 1, 1), line(0.5, 0, 0, 1, 1)), capsuleArea(0.25, Math.sqrt(2)));
    }

    @Test
    void theBoundsHoldEvenWithFewStrips() {
        List<Stroke> strokes = List.of(line(0.3, -2, -2, 0, 1, 2, -1.5, 3, 3), dot(-3, 3, 1.5), line(0.8, -3, 0, 3, 0.2));
        List<Capsule> capsules = new ArrayList<>();
        for (Stroke stroke : strokes) {
            for (int i = 0; i < Math.max(1, stroke.points() - 1); i++) {
                int j = Math.min(i + 1, stroke.points() - 1);
                capsules.add(new Capsule(stroke.x(i), stroke.y(i), stroke.x(j), stroke.y(j), stroke.width() / 2));
            }
        }
        capsules.sort(Comparator.comparingDouble(Capsule::minY));
        double fine = UnionArea.withStrips(capsules, 1 << 16).estimate();
        for (int strips : new int[] {1, 2, 5, 16, 100}) {
            AreaBounds coarse = UnionArea.withStrips(capsules, strips);
            assertThat(coarse.lower()).as("lower bound with %d strips", strips).isLessThan(fine);
            assertThat(coarse.upper()).as("upper bound with %d strips", strips).isGreaterThan(fine);
        }
    }

    @Test
    void theDensityIsOneOverTheAreaUnderTheStrokesAndZeroElsewhere() {
        DrawnDensity density = new DrawnDensity(new StrokeRegion(List.of(line(0.4, -2, 1, 2, 1))));
        double area = capsuleArea(0.2, 4);
        assertThat(density.logDensity(0, 1)).isCloseTo(-Math.log(area), within(1e-5));
        assertThat(density.logDensity(2.19, 1)).isCloseTo(-Math.log(area), within(1e-5));
        assertThat(density.logDensity(-1, 1.199)).isCloseTo(-Math.log(area), within(1e-5));
        assertThat(density.logDensity(2.21, 1)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(density.logDensity(0, 1.21)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(density.logDensity(2.19, 1.19)).as("beyond the round end").isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(density.inSupport(-3.5, 3.5)).isFalse();
        assertThat(density.inSupport(0, 0.81)).isTrue();
    }

    @Test
    void samplesLieUnderTheStrokesUniformlyAndFollowTheSeed() {
        // two separate dots, one with four times the other's area: a fifth of the points in the small one
        StrokeRegion region = new StrokeRegion(List.of(dot(-2, 0, 0.5), dot(2, 0, 1.0)));
        int n = 20_000;
        float[] xy = region.sample(n, 7);
        int inSmall = 0;
        for (int i = 0; i < n; i++) {
            assertThat(region.contains(xy[2 * i], xy[2 * i + 1])).isTrue();
            if (xy[2 * i] < 0) {
                inSmall++;
            }
        }
        double sd = Math.sqrt(n * 0.2 * 0.8);
        assertThat((double) inSmall).isCloseTo(0.2 * n, within(4 * sd));
        // within the big dot, the inner disc of half its radius holds a quarter of its points
        int inBig = n - inSmall;
        int nearCentre = 0;
        for (int i = 0; i < n; i++) {
            if (xy[2 * i] > 0 && Math.hypot(xy[2 * i] - 2, xy[2 * i + 1]) < 0.25) {
                nearCentre++;
            }
        }
        assertThat((double) nearCentre).isCloseTo(0.25 * inBig, within(4 * Math.sqrt(inBig * 0.25 * 0.75)));
        assertThat(region.sample(100, 7)).containsExactly(java.util.Arrays.copyOf(xy, 200));
        assertThat(region.sample(100, 8)).isNotEqualTo(java.util.Arrays.copyOf(xy, 200));
    }

    @Test
    void aBusyDrawingOfThinStrokesIsBoundedToWithinOnePercent() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        List<Stroke> strokes = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            double[] xy = new double[2 * 250];
            double x = random.nextDouble(-3, 3);
            double y = random.nextDouble(-3, 3);
            double heading = random.nextDouble(2 * Math.PI);
            for (int i = 0; i < 250; i++) {
                heading += random.nextDouble(-0.3, 0.3);
                x = Math.clamp(x + 0.02 * Math.cos(heading), -4, 4);
                y = Math.clamp(y + 0.02 * Math.sin(heading), -4, 4);
                xy[2 * i] = x;
                xy[2 * i + 1] = y;
            }
            strokes.add(new Stroke(0.08, xy));
        }
        long started = System.nanoTime();
        AreaBounds area = new StrokeRegion(strokes).area();
        System.out.printf("busy drawing: area in [%.6f, %.6f], estimate %.6f, %d strips, %.0f ms%n", area.lower(), area.upper(),
                area.estimate(), area.strips(), (System.nanoTime() - started) / 1e6);
        assertThat(area.logWidth()).isLessThan(0.01);
        // no more than the strokes' capsules would cover without overlapping
        assertThat(area.upper()).isLessThan(20 * capsuleArea(0.04, 249 * 0.02));
    }

    @Test
    void inStandardisedCoordinatesTheDensityScalesWithTheStandardDeviations() {
        DrawnDensity density = new DrawnDensity(new StrokeRegion(List.of(line(0.4, -2, 1, 2, 1))));
        org.flowfield.data.Standardization standardization = new org.flowfield.data.Standardization(0.5, 1, 2, 0.25);
        StandardisedDensity standardised = new StandardisedDensity(density, standardization);
        double area = capsuleArea(0.2, 4);

        // the capsule's area in standardised units is area / (2 · 0.25)
        assertThat(standardised.entropy()).isCloseTo(Math.log(area / 0.5), within(1e-3));
        double[] inside = standardization.standardize(1.5, 1.1);
        assertThat(standardised.logDensity(inside[0], inside[1])).isCloseTo(-Math.log(area / 0.5), within(1e-3));
        double[] outside = standardization.standardize(1.5, 1.3);
        assertThat(standardised.logDensity(outside[0], outside[1])).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(standardised.inSupport(inside[0], inside[1])).isTrue();
        assertThat(standardised.inSupport(outside[0], outside[1])).isFalse();
    }

    @Test
    void theIndexAnswersAsEveryCapsuleWouldEvenWhereOneCoversACellWhole() {
        List<Stroke> strokes = List.of(line(2.0, -3, -3, 0, 1, 3, -2), line(0.05, -3.5, 3.5, 3.5, 3.4), dot(2, 2, 1.2));
        List<Capsule> capsules = new ArrayList<>();
        for (Stroke stroke : strokes) {
            for (int i = 0; i < Math.max(1, stroke.points() - 1); i++) {
                int j = Math.min(i + 1, stroke.points() - 1);
                capsules.add(new Capsule(stroke.x(i), stroke.y(i), stroke.x(j), stroke.y(j), stroke.width() / 2));
            }
        }
        StrokeRegion region = new StrokeRegion(strokes);
        int covered = 0;
        for (double x = -4; x <= 4; x += 0.01) {
            for (double y = -4; y <= 4; y += 0.0137) {
                double px = x;
                double py = y;
                boolean expected = capsules.stream().anyMatch(capsule -> capsule.contains(px, py));
                assertThat(region.contains(x, y)).as("(%s, %s)", x, y).isEqualTo(expected);
                covered += expected ? 1 : 0;
            }
        }
        assertThat(covered).isPositive();
    }
}
