package org.flowfield.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.flowfield.data.OlympicRings;
import org.flowfield.data.Standardization;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.fm.FlowMatching;
import org.flowfield.questions.cfm.ClassInput;
import org.flowfield.questions.cfm.ClassSamples;
import org.flowfield.questions.cfm.ClassTrajectories;
import org.flowfield.questions.common.ExercisePoints;
import org.flowfield.questions.fm.FlowProgression;
import org.flowfield.questions.fm.TargetedSample;
import org.flowfield.questions.reversal.Reversal;
import org.flowfield.training.Checkpoint;
import org.flowfield.training.ModelFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** §4.3's class-conditional answers on the reference conditional flow-matching model. */
class ClassConditionalQuestionsTest {

    private static Checkpoint checkpoint;
    private static FlowMatching model;
    private static Standardization standardization;

    @BeforeAll
    static void restore() {
        TorchRuntime.start(1);
        checkpoint = ReferenceModels.checkpoint("cfm");
        model = (FlowMatching) ModelFactory.restore(checkpoint);
        standardization = checkpoint.standardization();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void theInputIsAnEvenSubsetOfTheRunsTrainingPointsWithTheirClasses() {
        ClassInput input = ClassInput.of(checkpoint.config(), org.flowfield.training.RunData.builtIn());

        assertThat(input.standardization()).isEqualTo(standardization);
        assertThat(input.points()).hasSize(2 * ClassInput.POINTS);
        assertThat(input.trainingPoints()).isEqualTo(250_000);
        for (int label = 0; label < OlympicRings.NUM_CLASSES; label++) {
            int l = label;
            assertThat(Arrays.stream(input.labels()).filter(x -> x == l).count()).isEqualTo(600);
        }
        for (int i = 0; i < ClassInput.POINTS; i += 97) {
            assertThat(ownRing(input.labels()[i], input.points()[2 * i], input.points()[2 * i + 1])).isTrue();
        }
    }

    @Test
    void onePointPerClassReachesItsOwnRing() {
        ClassTrajectories trajectories = ClassTrajectories.of(model, standardization);

        assertThat(trajectories.labels()).containsExactly(0, 1, 2, 3, 4);
        assertThat(trajectories.inOwnRing()).containsOnly(true);
        float[] path = trajectories.paths().paths()[2];
        assertThat(new float[] {path[path.length - 2], path[path.length - 1]})
                .containsExactly(trajectories.endPoints()[4], trajectories.endPoints()[5]);
    }

    @Test
    void ownRingSharesAreFractionsAndHighForTheReferenceModel() {
        ClassSamples samples = ClassSamples.of(model, standardization, ClassSamples.DEFAULT_COUNT);

        assertThat(samples.samples()).hasSize(2 * ClassSamples.DEFAULT_COUNT);
        assertThat(samples.labels()).startsWith(0, 1, 2, 3, 4, 0);
        assertThat(samples.ownRingShare()).hasSize(5);
        for (double share : samples.ownRingShare()) {
            assertThat(share).isBetween(0.0, 1.0);
        }
        assertThat(samples.meanOwnRingShare()).isGreaterThan(0.8);
    }

    @Test
    void progressionAndReversalCarryTheClasses() {
        FlowProgression progression = FlowProgression.of(model, standardization);
        assertThat(progression.classes()).startsWith(0, 1, 2, 3, 4, 0);
        float[][] frames = progression.frames();
        assertThat(frames[frames.length - 1])
                .containsExactly(model.sample(FlowProgression.POINTS, progression.classes(), FlowProgression.SEED));

        float[] points = ExercisePoints.standardised(standardization);
        int[] classes = ExercisePoints.nearestRingLabels(points, standardization);
        Reversal reversal = Reversal.of(model, standardization, points, classes, FlowMatching.SAMPLING_DT);
        // blue, black, green, the red ring's hole, and below the yellow/green gap (either)
        assertThat(classes).startsWith(1, 0, 2, 3);
        assertThat(reversal.classes()).containsExactly(classes);
        assertThat(Arrays.stream(reversal.distances()).max().orElseThrow()).isLessThan(0.05);
    }

    @Test
    void theBonusSampleOfAClassLandsWithinItsToleranceOfFourFive() {
        double[] target = standardization.standardize(4, 5);

        TargetedSample sample = TargetedSample.of(model, standardization, new float[] {(float) target[0], (float) target[1]}, 3);

        assertThat(sample.label()).isEqualTo(3);
        assertThat(sample.distance()).isLessThan(TargetedSample.TOLERANCE);
        assertThat(sample.path().times()).startsWith(0.0).endsWith(1.0);
    }

    private boolean ownRing(int label, float x, float y) {
        double[] p = standardization.toOriginal(x, y);
        for (int ring = 0; ring < OlympicRings.NUM_RINGS; ring++) {
            if (OlympicRings.labelOfRing(ring) == label) {
                return OlympicRings.inRing(ring, p[0], p[1], 1e-5);
            }
        }
        return false;
    }
}
