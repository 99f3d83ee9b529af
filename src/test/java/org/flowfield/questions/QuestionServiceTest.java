package org.flowfield.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.flowfield.data.RingDataset;
import org.flowfield.flows.FlowModel;
import org.flowfield.flows.ModelFamily;
import org.flowfield.metrics.QualityEvaluator;
import org.flowfield.metrics.QualityFigures;
import org.flowfield.metrics.SlicedWasserstein;
import org.flowfield.questions.fm.TimeQuantization;
import org.flowfield.questions.nf.DensityMap;
import org.flowfield.questions.nf.ProbabilityEstimate;
import org.flowfield.questions.nf.SeedSamples;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunNotFinishedException;
import org.flowfield.runs.RunNotFoundException;
import org.flowfield.runs.RunService;
import org.flowfield.runs.settings.RunPresets;
import org.flowfield.training.Checkpoint;
import org.flowfield.training.ModelFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The service against the real database and engine, on the imported reference runs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/questions-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false"
})
class QuestionServiceTest {

    @Autowired
    QuestionService questions;

    @Autowired
    RunService runs;

    @Autowired
    JdbcClient jdbc;

    UUID student;
    UUID other;

    @BeforeEach
    void accounts() {
        student = account("student-");
        other = account("other-");
    }

    private UUID account(String prefix) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into account (id, username, password_hash, created_at) values (?, ?, ?, ?)")
                .params(id, prefix + id.toString().substring(0, 8), "$2a$04$unused", Timestamp.from(Instant.now()))
                .update();
        return id;
    }

    private Run reference(ModelFamily family) {
        return runs.listReference().stream().filter(run -> run.config().family() == family).findFirst().orElseThrow();
    }

    private static <R> R answer(CompletableFuture<R> future) throws Exception {
        return future.get(60, TimeUnit.SECONDS);
    }

    @Test
    void probabilityEstimateOfTheExercisePointsEqualsTheCoreLogLikelihoodAndCarriesTheStandardization() throws Exception {
        Run run = reference(ModelFamily.NORMALIZING_FLOW);

        ProbabilityEstimate estimate = answer(questions.probabilityEstimate(student, run.id(), null, null));

        Checkpoint checkpoint = runs.finalCheckpoint(student, run.id());
        try (FlowModel model = ModelFactory.restore(checkpoint)) {
            assertThat(estimate.logLikelihood()).containsExactly(
                    model.logLikelihood(org.flowfield.data.PointCloud.unlabelled(estimate.points())));
        }
        assertThat(estimate.standardization()).isEqualTo(checkpoint.standardization());
        assertThat(estimate.insideLogo()).containsExactly(true, true, true, false, false);
    }

    @Test
    void aSecondRequestIsAnsweredFromTheCacheWithoutRecomputing() throws Exception {
        Run run = reference(ModelFamily.NORMALIZING_FLOW);
        long[] seeds = {7, 8, 9};

        SeedSamples first = answer(questions.seedSamples(student, run.id(), seeds, null));
        int kept = questions.cachedAnswers();
        SeedSamples second = answer(questions.seedSamples(other, run.id(), new long[] {7, 8, 9}, null));

        assertThat(second).isSameAs(first);
        assertThat(questions.cachedAnswers()).isEqualTo(kept);
        assertThat(answer(questions.seedSamples(student, run.id(), new long[] {7, 8}, null))).isNotSameAs(first);
    }

    @Test
    void concurrentRequestsForAHeavyAnswerShareOneComputationAndItsProgress() throws Exception {
        Run run = reference(ModelFamily.NORMALIZING_FLOW);
        List<Double> firstProgress = new CopyOnWriteArrayList<>();
        List<Double> secondProgress = new CopyOnWriteArrayList<>();

        CompletableFuture<DensityMap> first = questions.densityMap(student, run.id(), firstProgress::add);
        CompletableFuture<DensityMap> second = questions.densityMap(other, run.id(), secondProgress::add);

        assertThat(answer(second)).isSameAs(answer(first));
        assertThat(answer(first).logLikelihood()).hasSize(DensityMap.COLUMNS * DensityMap.ROWS);
        assertThat(firstProgress).isSorted().last().isEqualTo(1.0);
        assertThat(secondProgress).isSorted().last().isEqualTo(1.0);
    }

    @Test
    void timeQuantizationAtTheModelsStepGivesTheRunsFiguresAndACoarseStepChangesThem() throws Exception {
        Run run = reference(ModelFamily.FLOW_MATCHING);
        List<Double> progress = new CopyOnWriteArrayList<>();

        TimeQuantization sweep = answer(questions.timeQuantization(student, run.id(), new double[] {0.001, 0.2}, progress::add));

        QualityFigures stored = run.figures();
        assertThat(sweep.inRingFractions()[0]).isEqualTo(stored.inRingFraction());
        assertThat(sweep.slicedW2()[0]).isCloseTo(stored.slicedW2(), within(1e-6));
        Checkpoint checkpoint = runs.finalCheckpoint(student, run.id());
        try (FlowModel model = ModelFactory.restore(checkpoint)) {
            // QualityEvaluator's own samples and held-out set
            float[] samples = model.sample(QualityEvaluator.SAMPLES, null, QualityEvaluator.SAMPLE_SEED);
            RingDataset heldOut = RingDataset.heldOut(run.config().family().dataSet(), run.config().seed(), checkpoint.standardization());
            assertThat(sweep.slicedW2()[0]).isEqualTo(SlicedWasserstein.distance(samples, heldOut.points().xy()));
        }
        assertThat(sweep.steps()).containsExactly(1000, 5);
        assertThat(sweep.inRingFractions()[1]).isNotEqualTo(sweep.inRingFractions()[0]);
        assertThat(sweep.slicedW2()[1]).isGreaterThan(sweep.slicedW2()[0]);
        assertThat(sweep.panels()[1]).hasSize(2 * TimeQuantization.PANEL_POINTS);
        assertThat(progress).isSorted().contains(1000.0 / 1005).last().isEqualTo(1.0);
    }

    @Test
    void anotherUsersRunAndAnUnknownIdAreNotFoundAlike() {
        Run owned = runs.queue(other, RunPresets.smoke(ModelFamily.NORMALIZING_FLOW));
        UUID unknown = UUID.randomUUID();

        Throwable foreign = catchThrowable(() -> questions.layerProgression(student, owned.id(), null));
        Throwable missing = catchThrowable(() -> questions.layerProgression(student, unknown, null));

        assertThat(foreign).isInstanceOf(RunNotFoundException.class);
        assertThat(missing).isInstanceOf(RunNotFoundException.class);
        assertThat(foreign.getMessage().replace(owned.id().toString(), "ID"))
                .isEqualTo(missing.getMessage().replace(unknown.toString(), "ID"));
    }

    @Test
    void aQueuedRunHasNoAnswersYet() {
        Run queued = runs.queue(student, RunPresets.smoke(ModelFamily.FLOW_MATCHING));

        assertThatThrownBy(() -> questions.flowProgression(student, queued.id(), null))
                .isInstanceOf(RunNotFinishedException.class)
                .hasMessageContaining("queued");
    }

    @Test
    void aQuestionOfTheWrongFamilySaysWhichFamilyItNeeds() {
        UUID nf = reference(ModelFamily.NORMALIZING_FLOW).id();
        UUID fm = reference(ModelFamily.FLOW_MATCHING).id();

        assertThatThrownBy(() -> questions.flowProgression(student, nf, null))
                .isInstanceOf(InvalidQuestionInputException.class)
                .hasMessageContaining("Flow progression")
                .hasMessageContaining("flow matching or class-conditional flow matching runs")
                .hasMessageContaining("this run is a normalizing flow run");
        assertThatThrownBy(() -> questions.densityMap(student, fm, null))
                .isInstanceOf(InvalidQuestionInputException.class)
                .hasMessageContaining("normalizing flow runs");
        assertThatThrownBy(() -> questions.classSamples(student, fm, 3000, null))
                .isInstanceOf(InvalidQuestionInputException.class)
                .hasMessageContaining("class-conditional flow matching runs");
    }

    @Test
    void inputsOutOfBoundsAreRejectedWithTheirReason() {
        UUID nf = reference(ModelFamily.NORMALIZING_FLOW).id();
        UUID fm = reference(ModelFamily.FLOW_MATCHING).id();
        UUID cfm = reference(ModelFamily.CONDITIONAL_FLOW_MATCHING).id();

        assertThatThrownBy(() -> questions.probabilityEstimate(student, nf, new float[] {0, Float.NaN}, null))
                .isInstanceOf(InvalidQuestionInputException.class).hasMessageContaining("point 1 y must be a finite number");
        assertThatThrownBy(() -> questions.probabilityEstimate(student, nf, new float[] {0, Float.POSITIVE_INFINITY, 1}, null))
                .isInstanceOf(InvalidQuestionInputException.class).hasMessageContaining("(x, y) pairs");
        assertThatThrownBy(() -> questions.reversal(student, nf, new float[2 * (QuestionInputs.MAX_POINTS + 1)], null, Double.NaN, null))
                .isInstanceOf(InvalidQuestionInputException.class).hasMessageContaining("at most 20 points");
        assertThatThrownBy(() -> questions.timeQuantization(student, fm, new double[] {0.1, 0}, null))
                .isInstanceOf(InvalidQuestionInputException.class).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> questions.timeQuantization(student, fm, new double[] {1.5}, null))
                .isInstanceOf(InvalidQuestionInputException.class).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> questions.timeQuantization(student, fm, new double[] {0.0001}, null))
                .isInstanceOf(InvalidQuestionInputException.class).hasMessageContaining("at least 0.001");
        assertThatThrownBy(() -> questions.timeQuantization(student, fm, new double[] {.1, .2, .3, .4, .5, .6, .7, .8, .9}, null))
                .isInstanceOf(InvalidQuestionInputException.class).hasMessageContaining("1 to 8 step sizes");
        assertThatThrownBy(() -> questions.reversal(student, fm, null, null, 2, null))
                .isInstanceOf(InvalidQuestionInputException.class).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> questions.seedSamples(student, nf, new long[] {1, 1}, null))
                .isInstanceOf(InvalidQuestionInputException.class).hasMessageContaining("differ");
        assertThatThrownBy(() -> questions.targetedSample(student, cfm, 4, 5, Coordinates.ORIGINAL, 5, null))
                .isInstanceOf(InvalidQuestionInputException.class).hasMessageContaining("a class must be 0..4");
        assertThatThrownBy(() -> questions.targetedSample(student, fm, Double.NaN, 5, Coordinates.ORIGINAL, 0, null))
                .isInstanceOf(InvalidQuestionInputException.class).hasMessageContaining("target x");
        assertThatThrownBy(() -> questions.classSamples(student, cfm, 10_001, null))
                .isInstanceOf(InvalidQuestionInputException.class).hasMessageContaining("[5, 10000]");
        assertThatThrownBy(() -> questions.reversal(student, cfm, null, new int[] {1, 2}, Double.NaN, null))
                .isInstanceOf(InvalidQuestionInputException.class).hasMessageContaining("one class per point");
    }

    @Test
    void theBonusThroughTheServiceTakesTheTargetInOriginalCoordinates() throws Exception {
        UUID cfm = reference(ModelFamily.CONDITIONAL_FLOW_MATCHING).id();

        var sample = answer(questions.targetedSample(student, cfm, 4, 5, Coordinates.ORIGINAL, 3, null));

        double[] reached = sample.standardization().toOriginal(sample.sample()[0], sample.sample()[1]);
        assertThat(Math.hypot(reached[0] - 4, reached[1] - 5)).isLessThan(org.flowfield.questions.fm.TargetedSample.TOLERANCE);
        assertThat(sample.label()).isEqualTo(3);
    }
}
