package org.flowfield.questions.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.flowfield.accounts.AccountService;
import org.flowfield.data.PointCloud;
import org.flowfield.flows.FlowModel;
import org.flowfield.flows.ModelFamily;
import org.flowfield.questions.ChosenPointsService;
import org.flowfield.questions.Coordinates;
import org.flowfield.questions.QuestionService;
import org.flowfield.questions.cfm.ClassSamples;
import org.flowfield.questions.cfm.ClassTrajectories;
import org.flowfield.questions.fm.FlowProgression;
import org.flowfield.questions.fm.TargetedSample;
import org.flowfield.questions.fm.TimeQuantization;
import org.flowfield.questions.nf.DensityMap;
import org.flowfield.questions.nf.LayerProgression;
import org.flowfield.questions.nf.SeedSamples;
import org.flowfield.questions.reversal.Reversal;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunService;
import org.flowfield.runs.settings.RunPresets;
import org.flowfield.runs.ui.RunView;
import org.flowfield.security.CurrentAccount;
import org.flowfield.training.ModelFactory;
import org.flowfield.ui.chart.ChartKind;
import org.flowfield.ui.chart.ChartSeries;
import org.flowfield.ui.chart.FlowChart;
import org.flowfield.ui.chart.MinMaxReduction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The question tabs of the run page on the reference runs: each renders its charts with the
 * expected series and counts, and the numbers it shows equal the service's (and so the core's).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/question-views-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4"
})
class QuestionViewsTest {

    @Autowired
    AccountService accounts;

    @Autowired
    RunService runs;

    @Autowired
    CurrentAccount current;

    @Autowired
    QuestionService questions;

    @Autowired
    ChosenPointsService chosenPoints;

    @Autowired
    QuestionTabs questionTabs;

    @BeforeEach
    void vaadin() {
        MockVaadin.setup(new Routes().autoDiscoverViews("org.flowfield.runs.ui"));
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    private UUID logIn(String prefix) {
        return org.flowfield.testing.Sessions.signUpAndLogIn(accounts, prefix);
    }

    private Run reference(ModelFamily family) {
        return runs.listReference().stream().filter(run -> run.config().family() == family).findFirst().orElseThrow();
    }

    private RunView open(Run run) {
        RunView view = new RunView(runs, current, List.of(questionTabs));
        view.show(run.id().toString());
        UI.getCurrent().add(view);
        MockVaadin.clientRoundtrip(false);
        return view;
    }

    private static <T extends Component> T tab(RunView view, String label, Class<T> type) {
        view.openTab(label);
        MockVaadin.clientRoundtrip(false);
        return type.cast(view.tabContent(label).getChildren().findFirst().orElseThrow());
    }

    /** Runs pushed UI.access tasks until the condition holds (heavy answers arrive from a question worker). */
    private static void settle(BooleanSupplier done) {
        Awaitility.await().atMost(Duration.ofMinutes(4)).pollInSameThread().pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    MockVaadin.clientRoundtrip(false);
                    return done.getAsBoolean();
                });
    }

    private static <R> R now(java.util.concurrent.CompletableFuture<R> future) throws Exception {
        return future.get(4, TimeUnit.MINUTES);
    }

    private static List<String> names(FlowChart chart) {
        return chart.series().stream().map(ChartSeries::name).toList();
    }

    /** What the browser receives from a download handler, through a real servlet response. */
    private static String download(DownloadHandler handler, Component owner) throws Exception {
        VaadinServletService service = (VaadinServletService) VaadinService.getCurrent();
        MockHttpServletResponse response = new MockHttpServletResponse();
        handler.handleDownloadRequest(new DownloadEvent(new VaadinServletRequest(new MockHttpServletRequest(), service),
                new VaadinServletResponse(response, service), VaadinSession.getCurrent(), owner.getElement()));
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition")).contains(BatchLossCsv.FILE_NAME);
        return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aNormalizingFlowRunHasItsFiveQuestionsAfterTrainingAndNoOtherFamilysQuestion() {
        logIn("viewer");
        RunView view = open(reference(ModelFamily.NORMALIZING_FLOW));

        assertThat(view.tabLabels()).containsExactly("Training", "Q1: Loss", "Q2: Sampling", "Q3: Sampling over time",
                "Q4: Sampling trajectories", "Q5: Probability estimation");
    }

    @Test
    void flowMatchingAndClassConditionalRunsHaveTheirOwnQuestionsAndTheBonus() {
        logIn("viewer");
        assertThat(open(reference(ModelFamily.FLOW_MATCHING)).tabLabels()).containsExactly("Training", "Q1: Loss",
                "Q2: Flow progression", "Q3: Point trajectories", "Q4: Time quantization", "Q5: Reversing the flow",
                "Bonus: make the model produce a point");
        assertThat(open(reference(ModelFamily.CONDITIONAL_FLOW_MATCHING)).tabLabels()).containsExactly("Training",
                "Q1: Plotting the input", "Q2: A point from each class", "Q3: Sampling",
                "Bonus: make the model produce a point");
    }

    @Test
    void nfLossSamplingLayersAndTrajectoriesDrawTheServicesAnswers() throws Exception {
        UUID me = logIn("viewer");
        Run run = reference(ModelFamily.NORMALIZING_FLOW);
        RunView view = open(run);

        NfLossPanel loss = tab(view, "Q1: Loss", NfLossPanel.class);
        int epochs = runs.history(me, run.id()).epochs().size();
        assertThat(names(loss.chart)).containsExactly("validation loss", "log det", "log p_z");
        assertThat(loss.chart.series()).allSatisfy(series -> assertThat(series.size()).isEqualTo(epochs));
        assertThat(loss.chart.series().getFirst().xy()[1]).isEqualTo(runs.history(me, run.id()).epochs().getFirst().validationLoss());

        NfSamplesPanel sampling = tab(view, "Q2: Sampling", NfSamplesPanel.class);
        SeedSamples samples = now(questions.seedSamples(me, run.id(), null, null));
        assertThat(sampling.charts).hasSize(3);
        assertThat(sampling.charts).extracting(chart -> chart.layout().title()).containsExactly("Q2: seed 1", "Q2: seed 2", "Q2: seed 3");
        assertThat(sampling.charts.get(2).series().getFirst().size()).isEqualTo(SeedSamples.POINTS);
        assertThat(sampling.charts.get(2).series().getFirst().xy()[0]).isEqualTo(samples.samples()[2][0]);
        sampling.seeds.setValue("4, 5, 6");
        sampling.sample.click();
        assertThat(sampling.charts).extracting(chart -> chart.layout().title()).containsExactly("Q2: seed 4", "Q2: seed 5", "Q2: seed 6");

        NfLayersPanel layers = tab(view, "Q3: Sampling over time", NfLayersPanel.class);
        LayerProgression progression = now(questions.layerProgression(me, run.id(), null));
        assertThat(layers.charts).hasSize(6);
        assertThat(layers.charts).allSatisfy(chart -> assertThat(chart.series().getFirst().size()).isEqualTo(1000));
        assertThat(layers.charts.getLast().series().getFirst().xy()[0]).isEqualTo(progression.states()[progression.layers()][0]);
        assertThat(layers.animation.frames()).hasSize(progression.layers() + 1);

        NfTrajectoriesPanel trajectories = tab(view, "Q4: Sampling trajectories", NfTrajectoriesPanel.class);
        List<ChartSeries> lines = trajectories.chart.series().stream().filter(s -> s.name().startsWith("t ")).toList();
        assertThat(lines).hasSize(10);
        assertThat(lines).extracting(ChartSeries::colour).containsExactly(QuestionCharts.TIME_COLOURS);
        assertThat(trajectories.chart.series().getLast().name()).isEqualTo("x (t = 1)");
        assertThat(trajectories.chart.series().getLast().size()).isEqualTo(10);
    }

    @Test
    void nfProbabilityShowsTheCoresLogLikelihoodOverTheDensityMapAndKeepsTheStudentsPoints() throws Exception {
        UUID me = logIn("viewer");
        Run run = reference(ModelFamily.NORMALIZING_FLOW);
        RunView view = open(run);

        NfProbabilityPanel panel = tab(view, "Q5: Probability estimation", NfProbabilityPanel.class);
        List<NfProbabilityPanel.Row> rows = panel.table.getGenericDataView().getItems().toList();
        assertThat(rows).extracting(NfProbabilityPanel.Row::insideLogo).containsExactly(true, true, true, false, false);
        settle(() -> !panel.backdrop.isEmpty() && panel.chart.series().stream().anyMatch(ChartSeries::backdrop));
        assertThat(panel.progress.isVisible()).isFalse();
        DensityMap map = now(questions.densityMap(me, run.id(), null));
        assertThat(panel.chart.series().stream().filter(ChartSeries::backdrop).mapToInt(ChartSeries::size).sum())
                .isPositive().isLessThanOrEqualTo(map.columns() * map.rows());
        // the rings' density is known: the truth beside the model, zero (−∞) off the annuli, uniform on them
        assertThat(map.trueLogDensity()).hasSize(map.columns() * map.rows());
        assertThat(java.util.Arrays.stream(map.trueLogDensity()).filter(Double::isFinite).distinct().count()).isEqualTo(1);
        assertThat(java.util.Arrays.stream(map.trueLogDensity()).anyMatch(value -> value == Double.NEGATIVE_INFINITY)).isTrue();
        assertThat(panel.trueColumn.isVisible()).isTrue();
        assertThat(panel.mapChoice.isVisible()).isTrue();

        panel.picker.add(0.5, -0.25);
        rows = panel.table.getGenericDataView().getItems().toList();
        assertThat(rows).hasSize(6);
        float[] points = new float[2 * rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            points[2 * i] = rows.get(i).x();
            points[2 * i + 1] = rows.get(i).y();
        }
        try (FlowModel model = ModelFactory.restore(runs.finalCheckpoint(me, run.id()))) {
            double[] core = model.logLikelihood(PointCloud.unlabelled(points));
            assertThat(rows).extracting(NfProbabilityPanel.Row::logLikelihood).containsExactly(
                    java.util.Arrays.stream(core).boxed().toArray(Double[]::new));
        }
        assertThat(chosenPoints.find(me)).hasValueSatisfying(saved -> assertThat(saved).containsExactly(points));
        assertThat(panel.summary.getText()).contains("inside the logo");
    }

    @Test
    void chosenPointsCarryOverToFlowMatchingQ5AndStayWithTheirAccount() throws Exception {
        UUID me = logIn("student");
        chosenPoints.save(me, new float[] {0.1f, 0.2f, -1.5f, 0.5f});
        Run flowMatching = reference(ModelFamily.FLOW_MATCHING);
        Run normalizing = reference(ModelFamily.NORMALIZING_FLOW);

        FmReversalPanel mine = tab(open(flowMatching), "Q5: Reversing the flow", FmReversalPanel.class);
        List<FmReversalPanel.Row> rows = mine.table.getGenericDataView().getItems().toList();
        Reversal fm = now(questions.reversal(me, flowMatching.id(), new float[] {0.1f, 0.2f, -1.5f, 0.5f}, null, Double.NaN, null));
        Reversal nf = now(questions.reversal(me, normalizing.id(), new float[] {0.1f, 0.2f, -1.5f, 0.5f}, null, Double.NaN, null));
        assertThat(rows).extracting(FmReversalPanel.Row::flowMatchingDistance).containsExactly(fm.distances()[0], fm.distances()[1]);
        assertThat(rows).extracting(FmReversalPanel.Row::normalizingFlowDistance).containsExactly(nf.distances()[0], nf.distances()[1]);
        assertThat(mine.normalizingFlow.getValue().id()).isEqualTo(normalizing.id());
        assertThat(mine.backwards.series().getLast().size()).isEqualTo(2);
        assertThat(mine.inverse.series().getLast().size()).isEqualTo(2);
        assertThat(mine.summary.getText()).contains("normalizing flow");

        logIn("other");
        FmReversalPanel theirs = tab(open(flowMatching), "Q5: Reversing the flow", FmReversalPanel.class);
        assertThat(theirs.table.getGenericDataView().getItems().count()).isEqualTo(5);
        theirs.picker.add(1, 1);
        assertThat(chosenPoints.find(me)).hasValueSatisfying(saved -> assertThat(saved).hasSize(4));
    }

    @Test
    void flowMatchingQuestionsDrawTheServicesAnswersAndTheDtSweepsFigures() throws Exception {
        UUID me = logIn("viewer");
        Run run = reference(ModelFamily.FLOW_MATCHING);
        RunView view = open(run);

        FmLossPanel loss = tab(view, "Q1: Loss", FmLossPanel.class);
        float[] batches = runs.batchLosses(me, run.id());
        assertThat(batches).hasSize((int) run.totalSteps());
        ChartSeries drawn = loss.chart.series().getFirst();
        assertThat(batches.length).isGreaterThan(MinMaxReduction.MAX_POINTS);
        assertThat(drawn.size()).isLessThanOrEqualTo(MinMaxReduction.MAX_POINTS);
        float lowest = Float.POSITIVE_INFINITY;
        float highest = Float.NEGATIVE_INFINITY;
        for (float batch : batches) {
            lowest = Math.min(lowest, batch);
            highest = Math.max(highest, batch);
        }
        List<Double> drawnLosses = new java.util.ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            assertThat(drawn.xy()[2 * i + 1]).isEqualTo(batches[(int) drawn.xy()[2 * i] - 1]);
            drawnLosses.add(drawn.xy()[2 * i + 1]);
        }
        assertThat(drawnLosses).contains((double) lowest, (double) highest);
        assertThat(drawn.xy()[drawn.xy().length - 1]).isEqualTo(batches[batches.length - 1]);
        String csv = download(loss.csv, loss);
        List<String> rows = csv.lines().toList();
        assertThat(rows.getFirst()).isEqualTo("step,loss");
        assertThat(rows).hasSize(batches.length + 1);
        for (int i = 0; i < batches.length; i++) {
            assertThat(rows.get(i + 1)).isEqualTo((i + 1) + "," + batches[i]);
            assertThat(Float.parseFloat(rows.get(i + 1).split(",")[1])).isEqualTo(batches[i]);
        }

        FmProgressionPanel progression = tab(view, "Q2: Flow progression", FmProgressionPanel.class);
        settle(() -> progression.charts.size() == 6);
        assertThat(progression.charts).extracting(chart -> chart.layout().title())
                .containsExactly("Q2: t = 0.0", "Q2: t = 0.2", "Q2: t = 0.4", "Q2: t = 0.6", "Q2: t = 0.8", "Q2: t = 1.0");
        FlowProgression flow = now(questions.flowProgression(me, run.id(), null));
        assertThat(progression.animation.frames()).hasSize(flow.frames().length);
        assertThat(progression.charts.getLast().series().getFirst().size()).isEqualTo(FlowProgression.POINTS);

        FmTrajectoriesPanel trajectories = tab(view, "Q3: Point trajectories", FmTrajectoriesPanel.class);
        assertThat(trajectories.chart.series().getLast().size()).isEqualTo(10);

        FmQuantizationPanel quantization = tab(view, "Q4: Time quantization", FmQuantizationPanel.class);
        settle(() -> quantization.charts.size() == 5);
        TimeQuantization sweep = now(questions.timeQuantization(me, run.id(), TimeQuantization.DEFAULT_DTS, null));
        for (int k = 0; k < 5; k++) {
            assertThat(quantization.captions.get(k).getText())
                    .isEqualTo(FmQuantizationPanel.figures(sweep.inRingFractions()[k], sweep.slicedW2()[k]));
            assertThat(quantization.charts.get(k).series().getFirst().size()).isEqualTo(TimeQuantization.PANEL_POINTS);
        }
        assertThat(quantization.charts.getFirst().layout().title()).isEqualTo("Q4: Δt = 0.002 (500 steps)");
        assertThat(quantization.charts.getLast().layout().title()).isEqualTo("Q4: Δt = 0.2 (5 steps)");
    }

    @Test
    void classConditionalQuestionsShowClassesInRingColoursAndTheBonusLandsWithinItsTolerance() throws Exception {
        UUID me = logIn("viewer");
        Run run = reference(ModelFamily.CONDITIONAL_FLOW_MATCHING);
        RunView view = open(run);

        CfmInputPanel input = tab(view, "Q1: Plotting the input", CfmInputPanel.class);
        assertThat(input.chart.series()).extracting(ChartSeries::name).containsExactly("black", "blue", "green", "red", "yellow");
        assertThat(input.chart.series().stream().mapToInt(ChartSeries::size).sum()).isEqualTo(3000);

        CfmClassTrajectoriesPanel classes = tab(view, "Q2: A point from each class", CfmClassTrajectoriesPanel.class);
        ClassTrajectories paths = now(questions.classTrajectories(me, run.id(), null));
        assertThat(classes.chart.series().stream().filter(s -> s.kind() == ChartKind.LINE).map(ChartSeries::colour))
                .containsExactly("#000000", "#0081C8", "#00A651", "#EE334E", "#FCB131");
        assertThat(classes.figures.getText()).isEqualTo(CfmClassTrajectoriesPanel.verdict(paths));

        CfmSamplesPanel samples = tab(view, "Q3: Sampling", CfmSamplesPanel.class);
        settle(() -> !samples.chart.series().isEmpty());
        ClassSamples drawn = now(questions.classSamples(me, run.id(), ClassSamples.DEFAULT_COUNT, null));
        assertThat(samples.chart.series().stream().mapToInt(ChartSeries::size).sum()).isEqualTo(3000);
        assertThat(samples.figures.getText()).isEqualTo(CfmSamplesPanel.shares(drawn))
                .contains(String.format(java.util.Locale.ROOT, "black %.1f%%", 100 * drawn.ownRingShare()[0]));

        BonusPanel bonus = tab(view, "Bonus: make the model produce a point", BonusPanel.class);
        settle(() -> bonus.path != null);
        TargetedSample target = now(questions.targetedSample(me, run.id(), 4, 5, Coordinates.STANDARDISED, 0, null));
        assertThat(target.distance()).isLessThanOrEqualTo(TargetedSample.TOLERANCE);
        assertThat(bonus.result.getText()).isEqualTo(BonusPanel.result(target))
                .contains(String.format(java.util.Locale.ROOT, "%.2e original units from the target", target.distance()));
        assertThat(bonus.animation.frames().getLast().label()).isEqualTo("t = 1.00");
        assertThat(bonus.path.series().getLast().name()).isEqualTo("target");
    }

    @Test
    void aRunThatHasNotFinishedSaysItsQuestionsComeWhenItFinishes() {
        UUID me = logIn("owner");
        Run queued = runs.queue(me, RunPresets.smoke(ModelFamily.NORMALIZING_FLOW));
        RunView view = open(queued);

        view.openTab("Q5: Probability estimation");
        MockVaadin.clientRoundtrip(false);

        assertThat(view.tabContent("Q5: Probability estimation").getElement().getTextRecursively())
                .contains("becomes available when the run has finished");
        assertThat(view.tabContent("Q5: Probability estimation").getChildren().noneMatch(NfProbabilityPanel.class::isInstance)).isTrue();
    }
}
