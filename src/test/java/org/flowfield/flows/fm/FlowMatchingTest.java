package org.flowfield.flows.fm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.flowfield.data.DataSetKind;
import org.flowfield.data.PointCloud;
import org.flowfield.data.RingDataset;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.DensityGrid;
import org.flowfield.flows.StandardNormal;
import org.flowfield.flows.TrainingBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FlowMatchingTest {

    private static FlowMatching unconditional;
    private static FlowMatching conditional;

    @BeforeAll
    static void trainBriefly() {
        TorchRuntime.start(1);
        unconditional = train(FlowMatchingConfig.EXERCISE, DataSetKind.UNCONDITIONAL);
        conditional = train(FlowMatchingConfig.EXERCISE_CONDITIONAL, DataSetKind.CONDITIONAL);
    }

    @AfterAll
    static void close() {
        unconditional.close();
        conditional.close();
    }

    private static FlowMatching train(FlowMatchingConfig config, DataSetKind kind) {
        FlowMatching model = new FlowMatching(config, 1);
        RingDataset data = RingDataset.training(kind, 128 * 50, 2);
        for (int s = 0; s < 600; s++) {
            int from = (s % 50) * 128;
            model.trainStep(new TrainingBatch(
                    Arrays.copyOfRange(data.points().xy(), 2 * from, 2 * from + 256),
                    kind == DataSetKind.CONDITIONAL ? Arrays.copyOfRange(data.points().labels(), from, from + 128) : null,
                    s), 2e-3);
        }
        return model;
    }

    /**
     * The field is piecewise linear in y (LeakyReLU), so a one-sided difference that stays inside
     * the point's linear piece is exact up to rounding. Kinks are dense (hundreds of units), so a
     * step may cross one: per axis, a side counts only when steps h and h/2 agree on it, and the
     * exact divergence must equal the sum of one such derivative per axis.
     */
    @Test
    void exactDivergenceMatchesFiniteDifferencesOfTheVectorField() {
        float[] y = StandardNormal.draw(20, 4);
        for (FlowMatching model : new FlowMatching[] {unconditional, conditional}) {
            for (double t : new double[] {0.0, 0.37, 0.9}) {
                int[] classes = null;
                if (model.config().conditional()) {
                    classes = new int[20];
                    for (int i = 0; i < 20; i++) {
                        classes[i] = i % 5;
                    }
                }
                float[] divergence = model.divergence(y, classes, t);
                for (int i = 0; i < 20; i++) {
                    float[] point = {y[2 * i], y[2 * i + 1]};
                    int[] pointClass = classes == null ? null : new int[] {classes[i]};
                    java.util.List<Double> first = linearSides(model, point, pointClass, t, 0);
                    java.util.List<Double> second = linearSides(model, point, pointClass, t, 1);
                    double closest = Double.MAX_VALUE;
                    for (double a : first) {
                        for (double b : second) {
                            closest = Math.min(closest, Math.abs(divergence[i] - (a + b)));
                        }
                    }
                    assertThat(closest).as("point %d at t=%s: %s + %s vs %s", i, t, first, second, divergence[i])
                            .isLessThan(1e-3);
                }
            }
        }
    }

    /** ∂v_axis/∂y_axis from each side of the point on which the field is linear over the step. */
    private static java.util.List<Double> linearSides(FlowMatching model, float[] point, int[] classes, double t, int axis) {
        double h = 1e-3;
        java.util.List<Double> sides = new java.util.ArrayList<>();
        for (int side : new int[] {1, -1}) {
            double full = difference(model, point, classes, t, axis, side * h);
            double half = difference(model, point, classes, t, axis, side * h / 2);
            if (Math.abs(full - half) < 1e-3) {
                sides.add(full);
            }
        }
        assertThat(sides).as("a linear side around %s", java.util.Arrays.toString(point)).isNotEmpty();
        return sides;
    }

    private static double difference(FlowMatching model, float[] point, int[] classes, double t, int axis, double h) {
        float[] moved = point.clone();
        moved[axis] += (float) h;
        double step = (double) moved[axis] - point[axis];
        return (model.velocity(moved, classes, t)[axis] - model.velocity(point, classes, t)[axis]) / step;
    }

    @Test
    void exactLikelihoodAgreesWithHutchinsonWithManyProbes() {
        RingDataset train = RingDataset.training(DataSetKind.UNCONDITIONAL, 128 * 50, 2);
        PointCloud points = RingDataset.heldOut(DataSetKind.UNCONDITIONAL, 2, train.standardization()).points().subsample(1000);
        double exact = mean(unconditional.logLikelihood(points, OdeSolver.RK4, 100, DivergenceMethod.EXACT, 0, 0));
        double hutchinson = mean(unconditional.logLikelihood(points, OdeSolver.RK4, 100, DivergenceMethod.HUTCHINSON, 64, 9));
        assertThat(hutchinson).isCloseTo(exact, within(0.02));
    }

    @Test
    void theDensityOfATrainedModelIntegratesToOne() {
        DensityGrid grid = new DensityGrid(-4.5, 4.5, 0.075);
        assertThat(grid.integrate(unconditional.logLikelihood(grid.centres(null)))).isCloseTo(1.0, within(0.02));
    }

    @Test
    void eachClassConditionalDensityIntegratesToOne() {
        DensityGrid grid = new DensityGrid(-4.5, 4.5, 0.1);
        for (int label : new int[] {0, 3}) {
            assertThat(grid.integrate(conditional.logLikelihood(grid.centres(new int[] {label}))))
                    .as("class %d", label).isCloseTo(1.0, within(0.02));
        }
    }

    @Test
    void reversingAForwardIntegrationReturnsTheStartingPoints() {
        float[] y0 = StandardNormal.draw(200, 8);
        float[] x = unconditional.integrate(y0, null, TimeGrid.forward(0.01), OdeSolver.RK4);
        float[] back = unconditional.integrate(x, null, TimeGrid.backward(0.01), OdeSolver.RK4);
        for (int i = 0; i < y0.length; i++) {
            assertThat((double) back[i]).isCloseTo(y0[i], within(2e-3));
        }
    }

    @Test
    void higherOrderSolversLandCloserToTheFineSolution() {
        float[] y0 = StandardNormal.draw(300, 12);
        float[] reference = unconditional.integrate(y0, null, TimeGrid.forward(1e-3), OdeSolver.RK4);
        double euler = distance(unconditional.integrate(y0, null, TimeGrid.forward(0.1), OdeSolver.EULER), reference);
        double midpoint = distance(unconditional.integrate(y0, null, TimeGrid.forward(0.1), OdeSolver.MIDPOINT), reference);
        double rk4 = distance(unconditional.integrate(y0, null, TimeGrid.forward(0.1), OdeSolver.RK4), reference);
        assertThat(midpoint).isLessThan(euler);
        assertThat(rk4).isLessThan(midpoint);
    }

    @Test
    void timeGridsLandExactlyOnTheirEndsAndRejectBadSteps() {
        for (double dt : new double[] {0.002, 0.02, 0.05, 0.1, 0.2}) {
            TimeGrid grid = TimeGrid.forward(dt);
            assertThat(grid.steps()).isEqualTo((int) Math.round(1 / dt));
            assertThat(grid.time(grid.steps())).isEqualTo(1.0);
            assertThat(grid.dt()).isCloseTo(dt, within(1e-15));
        }
        assertThat(TimeGrid.backward(0.25).dt()).isEqualTo(-0.25);
        TimeGrid thousand = TimeGrid.forward(1e-3);
        assertThat(java.util.stream.DoubleStream.of(0, 0.2, 0.4, 0.6, 0.8, 1).map(t -> thousand.stepAt(t)).toArray())
                .containsExactly(0, 200, 400, 600, 800, 1000);
        assertThat(TimeGrid.backward(0.1).stepAt(0.3)).isEqualTo(7);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> thousand.stepAt(1.5)).hasMessageContaining("outside the grid");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TimeGrid.forward(0)).hasMessageContaining("dt must be in (0, 1]");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TimeGrid.forward(Double.NaN)).hasMessageContaining("dt must be in (0, 1]");
    }

    private static double distance(float[] a, float[] b) {
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            total += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(total / a.length);
    }

    @Test
    void eulerTrajectoryFollowsEquation17StepByStep() {
        float[] y0 = StandardNormal.draw(5, 3);
        TimeGrid grid = TimeGrid.forward(0.2);
        float[][] states = unconditional.trajectory(y0, null, grid, OdeSolver.EULER, new int[] {0, 1, 2, 3, 4, 5});
        for (int i = 0; i < grid.steps(); i++) {
            float[] v = unconditional.velocity(states[i], null, grid.time(i));
            for (int p = 0; p < y0.length; p++) {
                assertThat((double) states[i + 1][p]).isCloseTo(states[i][p] + v[p] * 0.2, within(1e-5));
            }
        }
    }

    @Test
    void sigmaMinAndOptimalTransportPathsTrainToFiniteLosses() {
        FlowMatchingConfig config = FlowMatchingConfig.EXERCISE.withSigmaMin(0.05).withMinibatchOptimalTransport(true);
        try (FlowMatching model = new FlowMatching(config, 3)) {
            RingDataset data = RingDataset.training(DataSetKind.UNCONDITIONAL, 128 * 10, 2);
            double first = 0;
            double last = 0;
            for (int s = 0; s < 300; s++) {
                int from = (s % 10) * 128;
                double loss = model.trainStep(new TrainingBatch(
                        Arrays.copyOfRange(data.points().xy(), 2 * from, 2 * from + 256), null, s), 2e-3).loss();
                if (s < 10) first += loss;
                if (s >= 290) last += loss;
            }
            assertThat(last).isLessThan(first);
        }
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }
}
