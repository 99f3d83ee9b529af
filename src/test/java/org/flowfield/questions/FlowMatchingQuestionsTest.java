package org.flowfield.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.flowfield.data.Standardization;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.StandardNormal;
import org.flowfield.flows.fm.FlowMatching;
import org.flowfield.flows.fm.OdeSolver;
import org.flowfield.flows.fm.TimeGrid;
import org.flowfield.questions.common.ExercisePoints;
import org.flowfield.questions.fm.FlowProgression;
import org.flowfield.questions.fm.FlowTrajectories;
import org.flowfield.questions.fm.TargetedSample;
import org.flowfield.questions.reversal.Reversal;
import org.flowfield.training.Checkpoint;
import org.flowfield.training.ModelFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** §4.3's unconditional answers on the reference flow-matching model. */
class FlowMatchingQuestionsTest {

    private static FlowMatching model;
    private static Standardization standardization;

    @BeforeAll
    static void restore() {
        TorchRuntime.start(1);
        Checkpoint checkpoint = ReferenceModels.checkpoint("fm");
        model = (FlowMatching) ModelFactory.restore(checkpoint);
        standardization = checkpoint.standardization();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void theProgressionAtTOneEqualsIntegratingOverTheFullGridAsTheModelSamples() {
        FlowProgression progression = FlowProgression.of(model, standardization);

        float[] start = StandardNormal.draw(FlowProgression.POINTS, FlowProgression.SEED);
        float[] integrated = model.integrate(start, null, TimeGrid.forward(FlowMatching.SAMPLING_DT), OdeSolver.EULER);
        float[][] frames = progression.frames();
        assertThat(frames[frames.length - 1]).containsExactly(integrated);
        assertThat(frames[frames.length - 1]).containsExactly(model.sample(FlowProgression.POINTS, null, FlowProgression.SEED));
        assertThat(frames[0]).containsExactly(start);
        assertThat(progression.frameTimes()).hasSize(51).startsWith(0.0).endsWith(1.0);
        assertThat(Arrays.stream(progression.panelFrames()).mapToDouble(k -> progression.frameTimes()[k]).toArray())
                .containsExactly(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1}, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(progression.classes()).isNull();
    }

    @Test
    void pointTrajectoriesRunFromThePriorToTheSamplesWithTheirTimes() {
        FlowTrajectories trajectories = FlowTrajectories.of(model, standardization);

        float[] samples = model.sample(FlowTrajectories.POINTS, null, FlowTrajectories.SEED);
        double[] times = trajectories.paths().times();
        assertThat(times).hasSize(FlowTrajectories.STATES).startsWith(0.0).endsWith(1.0).isSorted();
        float[] path = trajectories.paths().paths()[3];
        assertThat(new float[] {path[path.length - 2], path[path.length - 1]}).containsExactly(samples[6], samples[7]);
    }

    @Test
    void theRoundTripIsCloseAtTheModelsStepAndDriftsWithACoarseStep() {
        float[] points = ExercisePoints.standardised(standardization);

        Reversal fine = Reversal.of(model, standardization, points, null, FlowMatching.SAMPLING_DT);
        Reversal coarse = Reversal.of(model, standardization, points, null, 0.1);

        assertThat(fine.inverse().times()).startsWith(1.0).endsWith(0.0);
        assertThat(fine.roundTrip().times()).startsWith(0.0).endsWith(1.0);
        assertThat(max(fine.distances())).isLessThan(0.05);
        assertThat(max(coarse.distances())).isGreaterThan(2 * max(fine.distances()));
        assertThat(fine.inverted()).containsExactly(
                model.integrate(points, null, TimeGrid.backward(FlowMatching.SAMPLING_DT), OdeSolver.EULER));
    }

    @Test
    void theBonusSampleLandsWithinItsToleranceOfFourFive() {
        double[] target = standardization.standardize(4, 5);

        TargetedSample sample = TargetedSample.of(model, standardization, new float[] {(float) target[0], (float) target[1]}, 0);

        assertThat(sample.distance()).isLessThan(TargetedSample.TOLERANCE);
        assertThat(sample.label()).isEqualTo(-1);
        float[] sampled = model.integrate(sample.noise(), null, TimeGrid.forward(FlowMatching.SAMPLING_DT), OdeSolver.EULER);
        assertThat(sample.sample()).containsExactly(sampled);
        double[] original = standardization.toOriginal(sampled[0], sampled[1]);
        // the distance is to the target as given to the model (float32, standardised): within rounding of (4, 5)
        assertThat(Math.hypot(original[0] - 4, original[1] - 5)).isCloseTo(sample.distance(), org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void answersAreDeterministic() {
        assertThat(FlowProgression.of(model, standardization).frames())
                .isDeepEqualTo(FlowProgression.of(model, standardization).frames());
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }
}
