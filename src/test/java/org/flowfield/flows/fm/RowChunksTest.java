package org.flowfield.flows.fm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.flowfield.data.PointCloud;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.StandardNormal;
import org.flowfield.metrics.QualityEvaluator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Integrations of more points than a chunk holds: the chunks run on two workers and give exactly
 * the numbers of one worker, and every point's numbers are those it gets integrated alone.
 */
class RowChunksTest {

    /** Three chunks, the last one short. */
    private static final int POINTS = 2 * RowChunks.CPU_ROWS + 37;

    @BeforeAll
    static void engine() {
        TorchRuntime.start(1);
    }

    @AfterEach
    void oneThreadAgain() {
        TorchRuntime.get().useIntraOpThreads(1);
    }

    @Test
    void chunkedTrajectoriesAreTheSameOnTwoWorkersAndMatchEachPointAlone() {
        float[] start = StandardNormal.draw(POINTS, 5);
        int[] classes = QualityEvaluator.cyclingClasses(POINTS);
        TimeGrid grid = TimeGrid.forward(0.02);
        int[] record = {0, 20, grid.steps()};
        try (FlowMatching model = new FlowMatching(FlowMatchingConfig.EXERCISE_CONDITIONAL, 3)) {
            float[][] oneWorker = model.trajectory(start, classes, grid, OdeSolver.MIDPOINT, record);
            TorchRuntime.get().useIntraOpThreads(2);
            float[][] twoWorkers = model.trajectory(start, classes, grid, OdeSolver.MIDPOINT, record);
            TorchRuntime.get().useIntraOpThreads(1);
            for (int r = 0; r < record.length; r++) {
                assertThat(twoWorkers[r]).containsExactly(oneWorker[r]);
            }
            assertThat(oneWorker[0]).containsExactly(start);
            for (int p : new int[] {0, RowChunks.CPU_ROWS - 1, RowChunks.CPU_ROWS, POINTS - 1}) {
                float[] alone = model.integrate(Arrays.copyOfRange(start, 2 * p, 2 * p + 2), new int[] {classes[p]}, grid,
                        OdeSolver.MIDPOINT);
                assertThat((double) oneWorker[2][2 * p]).as("x of point %d", p).isCloseTo(alone[0], within(1e-4));
                assertThat((double) oneWorker[2][2 * p + 1]).as("y of point %d", p).isCloseTo(alone[1], within(1e-4));
            }
        }
    }

    @Test
    void chunkedLikelihoodsAreTheSameOnTwoWorkersAndMatchEachPointAlone() {
        PointCloud points = PointCloud.unlabelled(StandardNormal.draw(POINTS, 6));
        try (FlowMatching model = new FlowMatching(FlowMatchingConfig.EXERCISE, 4)) {
            double[] exact = model.logLikelihood(points, OdeSolver.RK4, 10, DivergenceMethod.EXACT, 0, 0);
            double[] hutchinson = model.logLikelihood(points, OdeSolver.RK4, 10, DivergenceMethod.HUTCHINSON, 3, 8);
            TorchRuntime.get().useIntraOpThreads(2);
            assertThat(model.logLikelihood(points, OdeSolver.RK4, 10, DivergenceMethod.EXACT, 0, 0)).containsExactly(exact);
            assertThat(model.logLikelihood(points, OdeSolver.RK4, 10, DivergenceMethod.HUTCHINSON, 3, 8))
                    .containsExactly(hutchinson);
            TorchRuntime.get().useIntraOpThreads(1);
            for (int p : new int[] {0, RowChunks.CPU_ROWS, POINTS - 1}) {
                float[] xy = Arrays.copyOfRange(points.xy(), 2 * p, 2 * p + 2);
                double alone = model.logLikelihood(PointCloud.unlabelled(xy), OdeSolver.RK4, 10, DivergenceMethod.EXACT, 0, 0)[0];
                assertThat(exact[p]).as("log p of point %d", p).isCloseTo(alone, within(1e-4));
            }
        }
    }
}
