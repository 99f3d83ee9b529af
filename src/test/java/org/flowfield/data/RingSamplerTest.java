package org.flowfield.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RingSamplerTest {

    private static final double INNER = OlympicRings.INNER_RADIUS;
    private static final double OUTER = OlympicRings.OUTER_RADIUS;
    /** Float rounding of cx + r cos(theta) moves a point by at most ~3e-7. */
    private static final double FLOAT_SLACK = 1e-6;

    @Test
    void unconditionalHasExactlyNPointsAllInSomeAnnulus() {
        PointCloud points = RingSampler.unconditional(20_001, 7);

        assertThat(points.size()).isEqualTo(20_001);
        assertThat(points.conditional()).isFalse();
        for (int i = 0; i < points.size(); i++) {
            assertThat(OlympicRings.inAnyRing(points.x(i), points.y(i))).as("point %d", i).isTrue();
        }
    }

    @Test
    void conditionalHasFiveTimesNOverFivePoints() {
        assertThat(RingSampler.conditional(1003, 1).size()).isEqualTo(1000);
        assertThat(RingSampler.conditional(5, 1).size()).isEqualTo(5);
    }

    @Test
    void conditionalPointsComeInRingOrderEachInItsOwnRing() {
        int k = 400;
        PointCloud points = RingSampler.conditional(5 * k + 4, 3);
        int[] expectedLabels = {1, 0, 3, 4, 2};

        for (int ring = 0; ring < 5; ring++) {
            for (int j = 0; j < k; j++) {
                int i = ring * k + j;
                assertThat(points.label(i)).isEqualTo(expectedLabels[ring]);
                assertThat(OlympicRings.inRing(ring, points.x(i), points.y(i), FLOAT_SLACK))
                    .as("point %d in ring %d", i, ring).isTrue();
            }
        }
    }

    @Test
    void sameSeedGivesSamePointsAndOtherSeedsDiffer() {
        assertThat(RingSampler.unconditional(500, 42).xy()).isEqualTo(RingSampler.unconditional(500, 42).xy());
        assertThat(RingSampler.conditional(500, 42).xy()).isEqualTo(RingSampler.conditional(500, 42).xy());
        assertThat(RingSampler.unconditional(500, 42).xy()).isNotEqualTo(RingSampler.unconditional(500, 43).xy());
        assertThat(RingSampler.conditional(500, 42).xy()).isNotEqualTo(RingSampler.conditional(500, 43).xy());
    }

    @Test
    void rejectsTooFewPoints() {
        assertThatThrownBy(() -> RingSampler.unconditional(0, 1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> RingSampler.conditional(4, 1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 5");
    }

    /**
     * Uniform over the union means uniform over each annulus (within the sampling box), where d^2
     * is uniform on [INNER^2, OUTER^2] with mean 1.015625; a sampler uniform in r would give
     * 1.005208, about 10 standard errors away. The box [-1, 5] x [-2, 1] cuts off the rings'
     * outermost edges (they reach 1.125 from their centres), so only points in the four wedges
     * with |cos|, |sin| &lt;= 0.88 around each centre, which lie wholly inside the box, are used.
     */
    @Test
    void unconditionalIsUniformInAreaWithinEachRing() {
        PointCloud points = RingSampler.unconditional(50_000, 11);
        double expectedMean = (INNER * INNER + OUTER * OUTER) / 2;
        double sdOfSquare = (OUTER * OUTER - INNER * INNER) / Math.sqrt(12);

        double sum = 0;
        int count = 0;
        for (int ring = 0; ring < 5; ring++) {
            for (int i = 0; i < points.size(); i++) {
                double dx = points.x(i) - OlympicRings.centreX(ring);
                double dy = points.y(i) - OlympicRings.centreY(ring);
                double d = Math.sqrt(dx * dx + dy * dy);
                boolean inWedge = Math.abs(dx) <= 0.88 * d && Math.abs(dy) <= 0.88 * d;
                if (inWedge && OlympicRings.inRing(ring, points.x(i), points.y(i))) {
                    sum += d * d;
                    count++;
                }
            }
        }
        double standardError = sdOfSquare / Math.sqrt(count);
        assertThat(count).isGreaterThan(15_000);
        assertThat(sum / count).isCloseTo(expectedMean, within(4 * standardError));
    }

    /**
     * Each ring's share of points matches its area's share of the union, and the share lying in
     * two rings matches the overlap area's share; areas are those inside the sampling box,
     * measured here on a fine grid, independently of the sampler. A sampler that picked a ring
     * first and then a point in it would double the overlap density.
     */
    @Test
    void unconditionalCountsOverlapsOnce() {
        int n = 50_000;
        PointCloud points = RingSampler.unconditional(n, 13);
        int[] perRing = new int[5];
        int inTwoOrMore = 0;
        for (int i = 0; i < n; i++) {
            int rings = 0;
            for (int ring = 0; ring < 5; ring++) {
                if (OlympicRings.inRing(ring, points.x(i), points.y(i))) {
                    perRing[ring]++;
                    rings++;
                }
            }
            if (rings >= 2) {
                inTwoOrMore++;
            }
        }

        double[] areas = areasInSamplingBox();
        for (int ring = 0; ring < 5; ring++) {
            double expected = areas[2 + ring] / areas[0];
            double standardError = Math.sqrt(expected * (1 - expected) / n);
            assertThat((double) perRing[ring] / n).as("ring %d", ring)
                .isCloseTo(expected, within(4 * standardError + 0.002));
        }
        double overlapShare = areas[1] / areas[0];
        double standardError = Math.sqrt(overlapShare * (1 - overlapShare) / n);
        assertThat(overlapShare).isGreaterThan(0.05);
        assertThat((double) inTwoOrMore / n).isCloseTo(overlapShare, within(4 * standardError + 0.001));
    }

    /**
     * Conditional radii are uniform in r, so the mean distance to the centre is R; a sampler
     * uniform in area would give 1.005208, about 7 standard errors away. Angles are uniform,
     * so the mean offset from the centre is zero.
     */
    @Test
    void conditionalIsUniformInRadiusAndAngle() {
        int k = 10_000;
        PointCloud points = RingSampler.conditional(5 * k, 17);
        double standardErrorOfR = (OUTER - INNER) / Math.sqrt(12) / Math.sqrt(k);
        double standardErrorOfOffset = OUTER / Math.sqrt(2) / Math.sqrt(k);

        for (int ring = 0; ring < 5; ring++) {
            double sumR = 0;
            double sumDx = 0;
            double sumDy = 0;
            for (int j = 0; j < k; j++) {
                int i = ring * k + j;
                sumR += OlympicRings.distanceToCentre(ring, points.x(i), points.y(i));
                sumDx += points.x(i) - OlympicRings.centreX(ring);
                sumDy += points.y(i) - OlympicRings.centreY(ring);
            }
            assertThat(sumR / k).as("ring %d", ring).isCloseTo(OlympicRings.RADIUS, within(4 * standardErrorOfR));
            assertThat(sumDx / k).isCloseTo(0, within(4 * standardErrorOfOffset));
            assertThat(sumDy / k).isCloseTo(0, within(4 * standardErrorOfOffset));
        }
    }

    /**
     * Areas inside the box [-1, 5] x [-2, 1], by midpoint counting on a grid:
     * {union of the annuli, covered by two or more, annulus 0, ..., annulus 4}.
     */
    private static double[] areasInSamplingBox() {
        double step = 0.002;
        double cell = step * step;
        double[] areas = new double[7];
        for (double x = -1 + step / 2; x < 5; x += step) {
            for (double y = -2 + step / 2; y < 1; y += step) {
                int rings = 0;
                for (int ring = 0; ring < 5; ring++) {
                    if (OlympicRings.inRing(ring, x, y)) {
                        areas[2 + ring] += cell;
                        rings++;
                    }
                }
                if (rings > 0) {
                    areas[0] += cell;
                }
                if (rings > 1) {
                    areas[1] += cell;
                }
            }
        }
        return areas;
    }
}
