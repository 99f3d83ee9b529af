package org.flowfield.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PathEnergyTest {

    /** v = s carries every x₀ straight to x₀ + s, the optimal map: energy |s|² = W2². */
    @Test
    void theStraightLineFieldOfATranslationHasNoExcessEnergy() {
        float[] sources = ExactWassersteinTest.gaussian(500, 1, 0, 0);
        float[] targets = translated(sources, 0.6f, -0.8f);

        PathEnergy.Figure figure = PathEnergy.of((xy, classes, t) -> constant(xy.length, 0.6f, -0.8f), sources, null,
                targets, null);

        assertThat(figure.energy()).isCloseTo(1.0, within(1e-6));
        assertThat(figure.transportCost()).isCloseTo(1.0, within(1e-5));
        assertThat(figure.normalized()).isLessThan(1e-5);
    }

    /**
     * Going at twice the speed for the first half and standing still after reaches the same end
     * points with energy 4|s|² · ½ = 2|s|²: twice the optimum, NPE = 1. Euler's left points
     * t = k/100 switch exactly at ½, so the figure is exact.
     */
    @Test
    void aFieldThatRushesAndWaitsSpendsTwiceTheOptimalEnergy() {
        float[] sources = ExactWassersteinTest.gaussian(500, 2, 0, 0);
        float[] targets = translated(sources, 0.3f, 0.4f);

        PathEnergy.Figure figure = PathEnergy.of(
                (xy, classes, t) -> t < 0.5 ? constant(xy.length, 0.6f, 0.8f) : constant(xy.length, 0, 0),
                sources, null, targets, null);

        assertThat(figure.energy()).isCloseTo(0.5, within(1e-6));
        assertThat(figure.normalized()).isCloseTo(1.0, within(1e-4));
    }

    /** Each class translated by its own shift: the class-weighted reference equals the energy. */
    @Test
    void aClassConditionalFieldIsMeasuredAgainstEachClassesOwnTransport() {
        float[] first = ExactWassersteinTest.gaussian(300, 3, 0, 0);
        int[] classes = new int[300];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = i % 3;
        }
        float[] shifts = {1, 0, 0, 2, -1, -1};
        VelocityField field = (xy, labels, t) -> {
            float[] v = new float[xy.length];
            for (int i = 0; i < labels.length; i++) {
                v[2 * i] = shifts[2 * labels[i]];
                v[2 * i + 1] = shifts[2 * labels[i] + 1];
            }
            return v;
        };
        float[] targets = first.clone();
        for (int i = 0; i < 300; i++) {
            targets[2 * i] += shifts[2 * classes[i]];
            targets[2 * i + 1] += shifts[2 * classes[i] + 1];
        }

        PathEnergy.Figure figure = PathEnergy.of(field, first, classes, targets, classes.clone());

        assertThat(figure.energy()).isCloseTo((1 + 4 + 2) / 3.0, within(1e-5));
        assertThat(figure.normalized()).isLessThan(1e-5);
    }

    @Test
    void classesOnOneSideOnlyAreRejected() {
        float[] points = ExactWassersteinTest.gaussian(4, 4, 0, 0);

        assertThatThrownBy(() -> PathEnergy.of((xy, c, t) -> xy, points, new int[4], points, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both carry classes");
    }

    private static float[] constant(int length, float vx, float vy) {
        float[] v = new float[length];
        for (int i = 0; i < length; i += 2) {
            v[i] = vx;
            v[i + 1] = vy;
        }
        return v;
    }

    private static float[] translated(float[] xy, float dx, float dy) {
        float[] moved = xy.clone();
        for (int i = 0; i < moved.length; i += 2) {
            moved[i] += dx;
            moved[i + 1] += dy;
        }
        return moved;
    }
}
