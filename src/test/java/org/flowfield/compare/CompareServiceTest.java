package org.flowfield.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.flowfield.data.PointCloud;
import org.flowfield.datasets.Stroke;
import org.flowfield.datasets.UserDataSet;
import org.flowfield.datasets.UserDataSets;
import org.flowfield.flows.FlowModel;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.fm.FlowMatching;
import org.flowfield.flows.nf.CouplingFlow;
import org.flowfield.questions.QuestionService;
import org.flowfield.questions.common.ExercisePoints;
import org.flowfield.questions.fm.FlowProgression;
import org.flowfield.questions.nf.LayerProgression;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunNotFoundException;
import org.flowfield.runs.RunService;
import org.flowfield.runs.settings.RunPresets;
import org.flowfield.runs.settings.RunSettings;
import org.flowfield.runs.settings.RunSettingsSchema;
import org.flowfield.training.Checkpoint;
import org.flowfield.training.ModelFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The comparison against the real database and engine, on the three imported reference runs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/compare-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4"
})
class CompareServiceTest {

    /** Two points inside the logo and one far outside, standardised. */
    static final float[] POINTS = {-1.2f, 0.4f, 0.3f, -0.8f, 2.5f, 2.5f};

    @Autowired
    CompareService compare;

    @Autowired
    RunService runs;

    @Autowired
    QuestionService questions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDataSets dataSets;

    UUID student;

    @BeforeEach
    void account() {
        student = account("student-");
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

    private List<UUID> ids(ModelFamily... families) {
        return Arrays.stream(families).map(family -> reference(family).id()).toList();
    }

    @Test
    void aRunOnTheStudentsOwnDataSetShowsTheDataSetByNameAsItsPageDoes() {
        UserDataSet drawing = dataSets.saveDrawing(student, "my bar", List.of(new Stroke(0.6, new double[] {-2, 0, 2, 0})), 300, 1);
        RunSettings settings = RunPresets.smoke(ModelFamily.NORMALIZING_FLOW);
        RunSettingsSchema.USER_DATA_SET.set(settings, drawing.id().toString());
        Run own = runs.queue(student, settings);
        Run reference = reference(ModelFamily.NORMALIZING_FLOW);

        Comparison comparison = compare.compare(student, List.of(own.id(), reference.id()));

        assertThat(comparison.settings()).filteredOn(row -> row.name().equals(RunSettingsSchema.USER_DATA_SET.label()))
                .singleElement().satisfies(row -> {
                    assertThat(row.values()).containsExactly("my bar",
                            RunSettingsSchema.shown(RunSettingsSchema.USER_DATA_SET, reference.config()));
                    assertThat(row.differs()).isTrue();
                });
    }

    @Test
    void theSettingsRowsThatDifferBetweenTheReferenceNormalizingFlowAndFlowMatchingRunsAreTheArchitectureAndTheModel() {
        Comparison comparison = compare.compare(student, ids(ModelFamily.NORMALIZING_FLOW, ModelFamily.FLOW_MATCHING));

        assertThat(comparison.differingSettings()).extracting(SettingRow::name).containsExactly(
                "Model", "Source distribution",
                "Coupling layers", "Width of each coupling network", "Linear layers per coupling network",
                "Width of the vector field", "Linear layers of the vector field",
                "σ_min of the probability path", "Minibatch optimal transport",
                "Soft bound on the log-scales", "Constant path width σ");
        assertThat(comparison.differingSettings().getFirst().values()).containsExactly("Normalizing flow", "Flow matching");
        SettingRow coupling = comparison.differingSettings().get(2);
        assertThat(coupling.values()).containsExactly("15", SettingRow.NOT_APPLICABLE);
        // the recipe is the same: these rows are there, with equal values, and not marked
        assertThat(comparison.settings()).filteredOn(row -> !row.differs()).extracting(SettingRow::name, row -> row.values().getFirst())
                .contains(org.assertj.core.groups.Tuple.tuple("Training points", "250,000"),
                        org.assertj.core.groups.Tuple.tuple("Epochs", "20"),
                        org.assertj.core.groups.Tuple.tuple("Batch size", "128"),
                        org.assertj.core.groups.Tuple.tuple("Learning rate", "0.001"),
                        org.assertj.core.groups.Tuple.tuple("Learning-rate schedule", "Cosine annealing over the epochs"),
                        org.assertj.core.groups.Tuple.tuple("Seed", "0"),
                        // one slope row for both families: each run's own network's
                        org.assertj.core.groups.Tuple.tuple("LeakyReLU slope", "0.01"));
        assertThat(comparison.settings()).hasSize(27);
        assertThat(comparison.lossesComparable()).isFalse();
        assertThat(comparison.lossNote()).contains("different quantities").contains("held-out NLL");
    }

    @Test
    void theBestValueOfEachFigureIsMarkedFromTheStoredFigures() {
        Run nf = reference(ModelFamily.NORMALIZING_FLOW);
        Run fm = reference(ModelFamily.FLOW_MATCHING);
        Comparison comparison = compare.compare(student, List.of(nf.id(), fm.id()));

        FigureRow nll = comparison.figure(Figure.HELD_OUT_NLL);
        assertThat(nll.values()).containsExactly(nf.figures().heldOutNll(), fm.figures().heldOutNll());
        assertThat(nll.best()).containsExactly(nf.figures().heldOutNll() < fm.figures().heldOutNll() ? 0 : 1);
        FigureRow ring = comparison.figure(Figure.IN_RING_FRACTION);
        assertThat(ring.values()).containsExactly(nf.figures().inRingFraction(), fm.figures().inRingFraction());
        assertThat(ring.best()).containsExactly(nf.figures().inRingFraction() > fm.figures().inRingFraction() ? 0 : 1);
        FigureRow w2 = comparison.figure(Figure.SLICED_W2);
        assertThat(w2.best()).containsExactly(nf.figures().slicedW2() < fm.figures().slicedW2() ? 0 : 1);
        // the stored figures of the references (models/README.md): nf has the lower NLL and higher in-ring, fm the lower W2
        assertThat(nll.best()).containsExactly(0);
        assertThat(ring.best()).containsExactly(0);
        assertThat(w2.best()).containsExactly(1);

        double nfSeconds = runs.finalCheckpoint(student, nf.id()).trainingSeconds();
        double fmSeconds = runs.finalCheckpoint(student, fm.id()).trainingSeconds();
        FigureRow time = comparison.figure(Figure.TRAINING_SECONDS);
        assertThat(time.values()).containsExactly(nfSeconds, fmSeconds);
        assertThat(time.best()).containsExactly(fmSeconds < nfSeconds ? 1 : 0);
        FigureRow speed = comparison.figure(Figure.STEPS_PER_SECOND);
        assertThat(speed.values()).containsExactly(runs.history(student, nf.id()).loss().getLast().stepsPerSecond(),
                runs.history(student, fm.id()).loss().getLast().stepsPerSecond());
        assertThat(speed.best()).containsExactly(speed.values().get(1) > speed.values().get(0) ? 1 : 0);
    }

    @Test
    void tiesAreAllMarkedAndRunsWithoutAValueNever() {
        Figure figure = Figure.SLICED_W2;
        assertThat(FigureRow.marked(figure, List.of(0.5, 0.2, 0.2, Double.NaN), "").best()).containsExactly(1, 2);
        assertThat(FigureRow.marked(Figure.IN_RING_FRACTION, List.of(0.9, Double.NaN), "").best()).isEmpty();
    }

    @Test
    void heldOutNllsOfConditionalAndUnconditionalRunsAreNotMarkedAgainstEachOther() {
        Comparison comparison = compare.compare(student,
                ids(ModelFamily.NORMALIZING_FLOW, ModelFamily.FLOW_MATCHING, ModelFamily.CONDITIONAL_FLOW_MATCHING));

        assertThat(comparison.figure(Figure.HELD_OUT_NLL).best()).isEmpty();
        assertThat(comparison.figure(Figure.HELD_OUT_NLL).note()).contains("−log p(x | c)");
        assertThat(comparison.figure(Figure.IN_RING_FRACTION).best()).containsExactly(2);
        assertThat(comparison.runs()).extracting(c -> c.run().id()).containsExactlyElementsOf(
                ids(ModelFamily.NORMALIZING_FLOW, ModelFamily.FLOW_MATCHING, ModelFamily.CONDITIONAL_FLOW_MATCHING));
        assertThat(comparison.runs()).allSatisfy(c -> {
            assertThat(c.finalEpoch()).isEqualTo(19);
            assertThat(c.finalSamples().size()).isEqualTo(1000);
        });
        assertThat(comparison.runs().get(2).finalSamples().conditional()).isTrue();
    }

    @Test
    void twoFlowMatchingRunsHaveComparableLosses() {
        Comparison comparison = compare.compare(student, ids(ModelFamily.FLOW_MATCHING, ModelFamily.CONDITIONAL_FLOW_MATCHING));

        assertThat(comparison.lossesComparable()).isTrue();
        assertThat(comparison.lossNote()).isEmpty();
        assertThat(comparison.differingSettings()).extracting(SettingRow::name)
                .containsExactly("Model", "Class embedding size", "Optimal transport within classes");
    }

    @Test
    void oneFiveAndRepeatedIdsAreRejectedWithTheirMessages() {
        UUID nf = reference(ModelFamily.NORMALIZING_FLOW).id();
        List<UUID> five = new ArrayList<>(ids(ModelFamily.NORMALIZING_FLOW, ModelFamily.FLOW_MATCHING, ModelFamily.CONDITIONAL_FLOW_MATCHING));
        five.add(UUID.randomUUID());
        five.add(UUID.randomUUID());

        assertThatThrownBy(() -> compare.compare(student, List.of(nf)))
                .isInstanceOf(InvalidComparisonException.class).hasMessage("Pick at least 2 runs to compare, got 1.");
        assertThatThrownBy(() -> compare.compare(student, five))
                .isInstanceOf(InvalidComparisonException.class).hasMessage("Compare at most 4 runs at once, got 5.");
        assertThatThrownBy(() -> compare.compare(student, List.of(nf, nf)))
                .isInstanceOf(InvalidComparisonException.class)
                .hasMessage("Each run can be compared only once; run " + nf + " is listed twice.");
        assertThatThrownBy(() -> compare.progression(student, List.of(nf), null)).isInstanceOf(InvalidComparisonException.class);
        assertThatThrownBy(() -> compare.logLikelihoods(student, List.of(nf, nf), POINTS, null))
                .isInstanceOf(InvalidComparisonException.class);
    }

    @Test
    void anotherUsersQueuedRunAnswersExactlyLikeARandomId() {
        UUID owner = account("owner-");
        Run theirs = runs.queue(owner, RunPresets.smoke(ModelFamily.FLOW_MATCHING));
        UUID nf = reference(ModelFamily.NORMALIZING_FLOW).id();
        UUID random = UUID.randomUUID();

        Throwable foreign = catchThrowable(() -> compare.compare(student, List.of(nf, theirs.id())));
        Throwable missing = catchThrowable(() -> compare.compare(student, List.of(nf, random)));

        assertThat(foreign).isExactlyInstanceOf(RunNotFoundException.class)
                .hasMessage(missing.getMessage().replace(random.toString(), theirs.id().toString()));
        assertThat(missing).isExactlyInstanceOf(RunNotFoundException.class);
        assertThatThrownBy(() -> compare.logLikelihoods(student, List.of(nf, theirs.id()), POINTS, null))
                .isExactlyInstanceOf(RunNotFoundException.class);
        assertThatThrownBy(() -> compare.progression(student, List.of(theirs.id(), nf), null))
                .isExactlyInstanceOf(RunNotFoundException.class);
        assertThatThrownBy(() -> compare.probePoints(student, List.of(theirs.id(), nf)))
                .isExactlyInstanceOf(RunNotFoundException.class);
        // its owner may compare it: it has not finished, so it has no figures and no progression yet
        Comparison own = compare.compare(owner, List.of(theirs.id(), nf));
        assertThat(own.figure(Figure.HELD_OUT_NLL).values().getFirst()).isNaN();
        assertThat(own.figure(Figure.HELD_OUT_NLL).best()).isEmpty();
        assertThat(own.runs().getFirst().finalSamples()).isNull();
    }

    @Test
    void probedLogLikelihoodsEqualTheCoresForTheNormalizingFlowAndFlowMatching() throws Exception {
        Run nf = reference(ModelFamily.NORMALIZING_FLOW);
        Run fm = reference(ModelFamily.FLOW_MATCHING);
        List<Double> progress = new CopyOnWriteArrayList<>();

        Probe probe = compare.logLikelihoods(student, List.of(nf.id(), fm.id()), POINTS, progress::add).get(120, TimeUnit.SECONDS);

        double[] nfCore;
        try (CouplingFlow flow = (CouplingFlow) ModelFactory.restore(runs.finalCheckpoint(student, nf.id()))) {
            nfCore = flow.logLikelihood(PointCloud.unlabelled(POINTS));
        }
        double[] fmCore;
        try (FlowMatching flow = (FlowMatching) ModelFactory.restore(runs.finalCheckpoint(student, fm.id()))) {
            fmCore = flow.logLikelihood(PointCloud.unlabelled(POINTS));
        }
        assertThat(probe.pointCount()).isEqualTo(3);
        assertThat(probe.logLikelihood().get(0)).containsExactly(nfCore);
        assertThat(probe.logLikelihood().get(1)).containsExactly(fmCore);
        assertThat(probe.logLikelihood(0, 0)).isGreaterThan(probe.logLikelihood(0, 2));
        assertThat(probe.methods()).containsExactly("exact change of variables", "RK4, 200 steps, exact divergence");
        assertThat(progress).contains(0.0, 1.0);
        // kept: the second request is the same answer without a new computation
        assertThat(compare.logLikelihoods(student, List.of(fm.id(), nf.id()), POINTS, null).get(5, TimeUnit.SECONDS)
                .logLikelihood().get(0)).containsExactly(fmCore);
    }

    @Test
    void aClassConditionalRunsProbeIsTheMarginalOverTheFiveClasses() throws Exception {
        Run cfm = reference(ModelFamily.CONDITIONAL_FLOW_MATCHING);
        Run nf = reference(ModelFamily.NORMALIZING_FLOW);

        Probe probe = compare.logLikelihoods(student, List.of(cfm.id(), nf.id()), POINTS, null).get(120, TimeUnit.SECONDS);

        Checkpoint checkpoint = runs.finalCheckpoint(student, cfm.id());
        try (FlowModel model = ModelFactory.restore(checkpoint)) {
            int n = POINTS.length / 2;
            double[][] perClass = new double[5][];
            for (int c = 0; c < 5; c++) {
                int[] labels = new int[n];
                Arrays.fill(labels, c);
                perClass[c] = model.logLikelihood(new PointCloud(POINTS, labels));
            }
            for (int i = 0; i < n; i++) {
                int point = i;
                double max = Arrays.stream(perClass).mapToDouble(values -> values[point]).max().orElseThrow();
                double sum = Arrays.stream(perClass).mapToDouble(values -> Math.exp(values[point] - max)).sum();
                assertThat(probe.logLikelihood(0, i)).isCloseTo(max + Math.log(sum) - Math.log(5), within(1e-6)); // float32 network, ~1e-9 run to run
            }
        }
        assertThat(probe.methods().getFirst()).contains("logsumexp over the 5 classes").contains("− log 5");
    }

    @Test
    void pointsOutOfBoundsAreRejectedNamingTheFirstBadOne() {
        List<UUID> two = ids(ModelFamily.NORMALIZING_FLOW, ModelFamily.FLOW_MATCHING);

        assertThatThrownBy(() -> compare.logLikelihoods(student, two, new float[42], null))
                .isInstanceOf(InvalidComparisonException.class).hasMessage("At most 20 points, got 21.");
        assertThatThrownBy(() -> compare.logLikelihoods(student, two, new float[] {0, Float.NaN}, null))
                .isInstanceOf(InvalidComparisonException.class).hasMessage("Point 1 y must be a finite number, got NaN.");
        assertThatThrownBy(() -> compare.logLikelihoods(student, two, new float[] {0, 0, 101, 0}, null))
                .isInstanceOf(InvalidComparisonException.class).hasMessage("Point 2 x must lie within ±100.0, got 101.0.");
        assertThatThrownBy(() -> compare.logLikelihoods(student, two, new float[] {1}, null))
                .isInstanceOf(InvalidComparisonException.class).hasMessage("Points must be (x, y) pairs, got 1 numbers.");
    }

    @Test
    void theDefaultProbePointsAreTheExercisesStandardisedWithTheFirstRun() {
        Run nf = reference(ModelFamily.NORMALIZING_FLOW);
        float[] points = compare.probePoints(student, List.of(nf.id(), reference(ModelFamily.FLOW_MATCHING).id()));

        assertThat(points).containsExactly(ExercisePoints.standardised(runs.finalCheckpoint(student, nf.id()).standardization()));
    }

    @Test
    void progressionFramesAreAlignedAsFractionsFromNoiseToData() throws Exception {
        Run nf = reference(ModelFamily.NORMALIZING_FLOW);
        Run fm = reference(ModelFamily.FLOW_MATCHING);

        SharedProgression progression = compare.progression(student, List.of(nf.id(), fm.id()), null).get(300, TimeUnit.SECONDS);

        LayerProgression layers = questions.layerProgression(student, nf.id(), null).get(60, TimeUnit.SECONDS);
        FlowProgression times = questions.flowProgression(student, fm.id(), null).get(300, TimeUnit.SECONDS);
        assertThat(progression.frameCount()).isEqualTo(51);
        assertThat(progression.fractions()[10]).isEqualTo(0.2);
        RunProgression nfFrames = progression.runs().get(0);
        RunProgression fmFrames = progression.runs().get(1);
        assertThat(layers.layers()).isEqualTo(15);
        // fraction 0: the noise (the prior draw, the flow-matching state at t = 0)
        assertThat(nfFrames.frames().getFirst()).isEqualTo(layers.states()[0]);
        assertThat(fmFrames.frames().getFirst()).isEqualTo(times.frames()[0]);
        // fraction 0.2 with 15 layers: after layer 3; flow matching at t = 0.2
        assertThat(nfFrames.frames().get(10)).isEqualTo(layers.states()[3]);
        assertThat(nfFrames.labels().get(10)).isEqualTo("layer 3 of 15");
        assertThat(fmFrames.frames().get(10)).isEqualTo(times.frames()[10]);
        assertThat(fmFrames.labels().get(10)).isEqualTo("t = 0.20");
        // fraction 1: the final samples
        assertThat(nfFrames.frames().getLast()).isEqualTo(layers.states()[15]);
        assertThat(fmFrames.frames().getLast()).isEqualTo(times.frames()[50]);
        assertThat(fmFrames.labels().getLast()).isEqualTo("t = 1.00");
        assertThat(SharedProgression.layerAt(10, 15)).isEqualTo(3);
        assertThat(SharedProgression.fractionLabel(0.2)).isEqualTo("f = 0.20 of the way from noise to data");
    }
}
