package org.flowfield.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flowfield.data.PointCloud;
import org.flowfield.data.Standardization;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.StandardNormal;
import org.flowfield.flows.nf.CouplingFlow;
import org.flowfield.flows.nf.InverseTrace;
import org.flowfield.metrics.DataDensity;
import org.flowfield.metrics.RingDensities;
import org.flowfield.questions.common.ExercisePoints;
import org.flowfield.questions.nf.DensityMap;
import org.flowfield.questions.nf.LayerProgression;
import org.flowfield.questions.nf.LayerTrajectories;
import org.flowfield.questions.nf.ProbabilityEstimate;
import org.flowfield.questions.nf.SeedSamples;
import org.flowfield.questions.reversal.Reversal;
import org.flowfield.training.Checkpoint;
import org.flowfield.training.ModelFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** §3.3's answers on the reference normalizing flow, checked against the core's own maps. */
class NormalizingFlowQuestionsTest {

    private static CouplingFlow flow;
    private static Standardization standardization;

    @BeforeAll
    static void restore() {
        TorchRuntime.start(1);
        Checkpoint checkpoint = ReferenceModels.checkpoint("nf");
        flow = (CouplingFlow) ModelFactory.restore(checkpoint);
        standardization = checkpoint.standardization();
    }

    @AfterAll
    static void close() {
        flow.close();
    }

    @Test
    void probabilityEstimateLogLikelihoodEqualsTheCouplingFlowsForTheSamePoints() {
        float[] points = ExercisePoints.standardised(standardization);

        ProbabilityEstimate estimate = ProbabilityEstimate.of(flow, standardization, points, Optional.empty());

        assertThat(estimate.logLikelihood()).containsExactly(flow.logLikelihood(PointCloud.unlabelled(points)));
        assertThat(estimate.insideLogo()).containsExactly(true, true, true, false, false);
        // inside the logo is more likely than outside
        for (int inside = 0; inside < 3; inside++) {
            for (int outside = 3; outside < 5; outside++) {
                assertThat(estimate.logLikelihood()[inside]).isGreaterThan(estimate.logLikelihood()[outside]);
            }
        }
    }

    @Test
    void inverseTrajectoriesStartAtThePointAndEndWhereInverseLayersEnds() {
        float[] points = ExercisePoints.standardised(standardization);
        InverseTrace trace = flow.inverseLayers(points);
        float[] z = trace.states()[trace.states().length - 1];

        ProbabilityEstimate estimate = ProbabilityEstimate.of(flow, standardization, points, Optional.empty());

        int states = flow.config().couplingLayers() + 1;
        assertThat(estimate.inverse().times()).hasSize(states).startsWith(1.0).endsWith(0.0);
        for (int i = 0; i < 5; i++) {
            float[] path = estimate.inverse().paths()[i];
            assertThat(path).hasSize(2 * states);
            assertThat(new float[] {path[0], path[1]}).containsExactly(points[2 * i], points[2 * i + 1]);
            assertThat(new float[] {path[2 * states - 2], path[2 * states - 1]}).containsExactly(z[2 * i], z[2 * i + 1]);
        }
    }

    @Test
    void layerPanelsAreTheForwardLayerStatesAtEveryFifthOfTheLayers() {
        LayerProgression progression = LayerProgression.of(flow, standardization);

        float[][] forward = flow.forwardLayers(StandardNormal.draw(LayerProgression.POINTS, LayerProgression.SEED));
        assertThat(progression.layers()).isEqualTo(15);
        assertThat(progression.panelLayers()).containsExactly(0, 3, 6, 9, 12, 15);
        assertThat(progression.states()).hasNumberOfRows(16);
        for (int layer = 0; layer <= 15; layer++) {
            assertThat(progression.states()[layer]).containsExactly(forward[layer]);
        }
        assertThat(LayerProgression.panelLayers(4)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void layerTrajectoriesFollowTenSamplesThroughEveryLayer() {
        LayerTrajectories trajectories = LayerTrajectories.of(flow, standardization);

        float[][] forward = flow.forwardLayers(StandardNormal.draw(LayerTrajectories.POINTS, LayerTrajectories.SEED));
        assertThat(trajectories.paths().points()).isEqualTo(10);
        assertThat(trajectories.paths().times()).startsWith(0.0).endsWith(1.0).hasSize(16);
        for (int layer = 0; layer <= 15; layer++) {
            assertThat(trajectories.paths().paths()[7][2 * layer]).isEqualTo(forward[layer][14]);
            assertThat(trajectories.paths().paths()[7][2 * layer + 1]).isEqualTo(forward[layer][15]);
        }
    }

    @Test
    void samplesOfEachSeedAreTheModelsSamplesAndDifferBetweenSeeds() {
        SeedSamples samples = SeedSamples.of(flow, standardization, new long[] {1, 2, 3});

        assertThat(samples.samples()).hasNumberOfRows(3);
        assertThat(samples.samples()[1]).hasSize(2 * SeedSamples.POINTS).containsExactly(flow.sample(SeedSamples.POINTS, null, 2));
        assertThat(samples.samples()[0]).isNotEqualTo(samples.samples()[1]);
    }

    @Test
    void theRoundTripThroughTheInverseAndBackReturnsEachPointWithin1e5() {
        Reversal reversal = Reversal.of(flow, standardization, ExercisePoints.standardised(standardization));

        assertThat(reversal.distances()).hasSize(5);
        assertThat(java.util.Arrays.stream(reversal.distances()).max().orElseThrow()).isLessThan(1e-5);
        assertThat(reversal.inverted()).containsExactly(
                flow.inverseLayers(ExercisePoints.standardised(standardization)).states()[15]);
    }

    @Test
    void theDensityMapIsTheLogLikelihoodAtCellCentresWithProgressUpToOne() {
        List<Double> progress = new ArrayList<>();

        DensityMap map = DensityMap.of(flow, standardization, Optional.empty(), progress::add);

        assertThat(map.logLikelihood()).hasSize(DensityMap.COLUMNS * DensityMap.ROWS);
        assertThat(progress).isSorted().last().isEqualTo(1.0);
        int row = 37;
        int column = 52;
        double[] centre = map.cellCentre(row, column);
        double expected = flow.logLikelihood(PointCloud.unlabelled(new float[] {(float) centre[0], (float) centre[1]}))[0];
        assertThat(map.logLikelihood()[row * map.columns() + column]).isCloseTo(expected, within(1e-9));
        double[] ringsLow = standardization.standardize(-1.125, -2.125);
        assertThat(map.xMin()).isLessThan(ringsLow[0]);
        assertThat(map.yMin()).isLessThan(ringsLow[1]);
    }

    @Test
    void answersAreDeterministic() {
        assertThat(LayerProgression.of(flow, standardization).states())
                .isDeepEqualTo(LayerProgression.of(flow, standardization).states());
        assertThat(SeedSamples.of(flow, standardization, new long[] {5}).samples())
                .isDeepEqualTo(SeedSamples.of(flow, standardization, new long[] {5}).samples());
        assertThat(DensityMap.of(flow, standardization, Optional.empty(), f -> {}).logLikelihood())
                .containsExactly(DensityMap.of(flow, standardization, Optional.empty(), f -> {}).logLikelihood());
    }

    /** Q5 sets the data's own log p(x) beside the model's: the rings are uniform, so it is −H inside and −∞ outside. */
    @Test
    void whereTheDataDensityIsKnownQ5ShowsTheTrueLogDensityBesideTheModels() {
        DataDensity density = DataDensity.of(RingDensities.unconditional(standardization));
        float[] points = ExercisePoints.standardised(standardization);

        ProbabilityEstimate estimate = ProbabilityEstimate.of(flow, standardization, points, Optional.of(density));
        DensityMap map = DensityMap.of(flow, standardization, Optional.of(density), f -> {});

        assertThat(estimate.trueLogDensity()).containsExactly(-density.entropy(), -density.entropy(), -density.entropy(),
                Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);
        assertThat(estimate.logLikelihood()).containsExactly(
                ProbabilityEstimate.of(flow, standardization, points, Optional.empty()).logLikelihood());
        assertThat(map.trueLogDensity()).hasSameSizeAs(map.logLikelihood()).contains(-density.entropy(), Double.NEGATIVE_INFINITY);
        assertThat(java.util.Arrays.stream(map.trueLogDensity()))
                .allMatch(value -> value == -density.entropy() || value == Double.NEGATIVE_INFINITY);
        double[] ringCentre = standardization.standardize(0, 0);
        assertThat(density.logDensity(ringCentre[0], ringCentre[1], 0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(DensityMap.of(flow, standardization, Optional.empty(), f -> {}).trueLogDensity()).isNull();
    }
}
