package org.flowfield.compare.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.flowfield.accounts.AccountService;
import org.flowfield.compare.CompareService;
import org.flowfield.compare.Figure;
import org.flowfield.compare.FigureRow;
import org.flowfield.compare.Probe;
import org.flowfield.compare.SettingRow;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunService;
import org.flowfield.runs.settings.RunPresets;
import org.flowfield.runs.settings.RunSettings;
import org.flowfield.security.CurrentAccount;
import org.flowfield.ui.chart.ChartSeries;
import org.flowfield.ui.chart.FlowChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/compare-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4"
})
class CompareViewTest {

    @Autowired
    AccountService accounts;

    @Autowired
    RunService runs;

    @Autowired
    CompareService compare;

    @Autowired
    CurrentAccount current;

    @Autowired
    org.flowfield.runs.RunSharingService sharing;

    @Autowired
    org.flowfield.runs.live.RunUpdates updates;

    @BeforeEach
    void vaadin() {
        MockVaadin.setup(new Routes().autoDiscoverViews("org.flowfield.compare.ui"));
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

    private List<Run> references() {
        return List.of(reference(ModelFamily.NORMALIZING_FLOW), reference(ModelFamily.FLOW_MATCHING),
                reference(ModelFamily.CONDITIONAL_FLOW_MATCHING));
    }

    private static String parameter(List<Run> compared) {
        return compared.stream().map(run -> run.id().toString()).collect(Collectors.joining(","));
    }

    private CompareView open(String runsParameter) {
        CompareView view = new CompareView(compare, current);
        view.show(runsParameter);
        UI.getCurrent().add(view);
        MockVaadin.clientRoundtrip(false);
        return view;
    }

    /** Runs pushed UI.access tasks until the condition holds (the progression and probe arrive from workers). */
    private static void settle(BooleanSupplier done) {
        Awaitility.await().atMost(Duration.ofMinutes(4)).pollInSameThread().pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    MockVaadin.clientRoundtrip(false);
                    return done.getAsBoolean();
                });
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }

    private static <T> List<String> headers(Grid<T> grid) {
        return grid.getColumns().stream().map(column -> column.getHeaderText()).toList();
    }

    @Test
    void theThreeReferenceRunsShowTheirDifferingSettingsFiguresWithTheBestMarkedAndOneLossChart() {
        logIn("viewer");
        List<Run> compared = references();

        CompareView view = open(parameter(compared));

        assertThat(view.getPageTitle()).isEqualTo("Compare runs · Flowfield");
        assertThat(view.runIds()).containsExactlyElementsOf(compared.stream().map(Run::id).toList());
        assertThat(headers(view.settingsGrid)).containsExactly("Setting",
                "A: " + compared.get(0).name(), "B: " + compared.get(1).name(), "C: " + compared.get(2).name());
        // only the differing settings, until "Show all settings" is ticked
        assertThat(view.shownSettings()).allMatch(SettingRow::differs).extracting(SettingRow::name).contains("Model", "Coupling layers",
                "Class embedding size").doesNotContain("Epochs", "Seed");
        assertThat(GridKt._getFormattedRow(view.settingsGrid, 0)).containsExactly("Model", "Normalizing flow", "Flow matching",
                "Class-conditional flow matching");
        view.showAllSettings.setValue(true);
        assertThat(view.shownSettings()).hasSize(27).extracting(SettingRow::name).contains("Epochs", "Seed");
        view.showAllSettings.setValue(false);
        assertThat(view.shownSettings()).allMatch(SettingRow::differs);

        // figures: the stored numbers, the best of each row marked with the word "best"
        List<FigureRow> figures = GridKt._findAll(view.figuresGrid);
        assertThat(figures).extracting(FigureRow::figure).containsExactly(Figure.values());
        FigureRow ring = figures.get(1);
        assertThat(ring.values()).containsExactly(compared.get(0).figures().inRingFraction(), compared.get(1).figures().inRingFraction(),
                compared.get(2).figures().inRingFraction());
        assertThat(text(CompareView.figureCell(ring, 2))).isEqualTo(String.format(java.util.Locale.ROOT, "%.3fbest",
                compared.get(2).figures().inRingFraction()));
        assertThat(CompareView.figureCell(ring, 2).getElement().getAttribute("aria-label")).contains("the best of the compared runs");
        assertThat(text(CompareView.figureCell(ring, 0))).doesNotContain("best");
        // the rings' density is known, so the references show its entropy; their transport figures are not computed here
        FigureRow entropy = figures.stream().filter(row -> row.figure() == Figure.DATA_ENTROPY).findFirst().orElseThrow();
        assertThat(CompareView.formatFigure(entropy, 0)).isEqualTo(String.format(java.util.Locale.ROOT, "%.3f",
                compared.get(0).figures().dataEntropy()));
        FigureRow exactW2 = figures.stream().filter(row -> row.figure() == Figure.EXACT_W2).findFirst().orElseThrow();
        assertThat(CompareView.formatFigure(exactW2, 0)).isEqualTo("—");
        assertThat(text(view)).contains("the KL divergence from the data to the model");
        // a held-out NLL below the entropy is flagged beside its value
        FigureRow negativeGap = new FigureRow(Figure.KL_GAP, List.of(0.2, -0.05), List.of(), "");
        assertThat(text(CompareView.figureCell(negativeGap, 1))).isEqualTo("-0.050" + CompareView.NLL_BELOW_ENTROPY);
        assertThat(text(CompareView.figureCell(negativeGap, 0))).isEqualTo("0.200");
        assertThat(figures.getFirst().best()).isEmpty(); // conditional and unconditional NLLs are not one quantity
        assertThat(text(view)).contains("−log p(x | c)");

        // one loss chart, every run overlaid, the quantities named since the families differ
        assertThat(view.lossNote.isVisible()).isTrue();
        assertThat(view.lossNote.getText()).contains("different quantities");
        assertThat(view.lossChart.series()).extracting(ChartSeries::name).containsExactly(
                "A · Normalizing flow · NLL, nats", "B · Flow matching · MSE, Eq. 16", "C · Class-conditional flow matching · MSE, Eq. 16");
        for (int i = 0; i < 3; i++) {
            var history = runs.history(current.id(), compared.get(i).id());
            ChartSeries line = view.lossChart.series().get(i);
            assertThat(line.size()).isEqualTo(history.loss().size());
            assertThat(line.xy()[line.xy().length - 2]).isEqualTo(20.0); // the last point is the end of epoch 20
            assertThat(line.xy()[1]).isEqualTo(history.loss().getFirst().loss());
        }

        // the final samples side by side, the class-conditional ones coloured by class
        assertThat(view.sampleCharts).hasSize(3);
        assertThat(view.sampleCharts).allSatisfy(chart ->
                assertThat(chart.series().stream().mapToInt(ChartSeries::size).sum()).isEqualTo(1000));
        assertThat(view.sampleCharts.get(2).series()).hasSize(5);
        assertThat(view.sampleCharts.get(0).layout().title()).isEqualTo("A · Normalizing flow · epoch 20");
    }

    @Test
    void oneSharedPlayerDrivesEveryProgressionPanelAndTheProbeTableShowsEachRunsLogP() throws Exception {
        logIn("viewer");
        List<Run> compared = references();
        CompareView view = open(parameter(compared));

        settle(() -> view.progression != null && view.probe != null);

        assertThat(view.player.charts()).containsExactlyElementsOf(view.progressionCharts).hasSize(3);
        assertThat(view.player.labels()).hasSize(51);
        assertThat(view.player.labels().get(10)).isEqualTo("f = 0.20 of the way from noise to data");
        assertThat(view.player.getElement().getAttribute("group")).isEqualTo(CompareView.PLAYER_GROUP);
        for (FlowChart chart : view.progressionCharts) {
            assertThat(chart.playerGroup()).isEqualTo(CompareView.PLAYER_GROUP);
            assertThat(chart.getElement().hasAttribute("external-player")).isTrue();
            assertThat(chart.frames()).hasSize(51);
            assertThat(chart.frames().getFirst().series().stream().mapToInt(ChartSeries::size).sum()).isEqualTo(1000);
        }
        double half = CompareView.commonHalfRange(view.progression);
        System.out.println("common half range " + half);
        assertThat(view.progressionCharts).allSatisfy(chart -> {
            assertThat(chart.layout().xMin()).isEqualTo(-half);
            assertThat(chart.layout().yMax()).isEqualTo(half);
        });
        assertThat(half).isGreaterThanOrEqualTo(3.0);
        assertThat(view.progressionCharts.get(0).frames().get(10).label()).isEqualTo("layer 3 of 15 · f = 0.20");
        assertThat(view.progressionCharts.get(1).frames().get(10).label()).isEqualTo("t = 0.20 · f = 0.20");
        assertThat(view.progressionCharts.get(2).frames().getLast().series()).hasSize(5);
        // the sample charts keep their own (absent) players
        assertThat(view.sampleCharts).allSatisfy(chart -> assertThat(chart.playerGroup()).isNull());

        List<UUID> ids = compared.stream().map(Run::id).toList();
        float[] points = compare.probePoints(current.id(), ids);
        Probe expected = compare.logLikelihoods(current.id(), ids, points, null).get(2, TimeUnit.MINUTES);
        assertThat(headers(view.probeGrid)).containsExactly("#", "x", "y", "A: " + compared.get(0).name() + " · log p(x)",
                "B: " + compared.get(1).name() + " · log p(x)", "C: " + compared.get(2).name() + " · log p(x)");
        assertThat(GridKt._size(view.probeGrid)).isEqualTo(5);
        for (int point = 0; point < 5; point++) {
            List<String> row = GridKt._getFormattedRow(view.probeGrid, point);
            for (int run = 0; run < 3; run++) {
                assertThat(row.get(3 + run)).isEqualTo(CompareView.logP(expected.logLikelihood(run, point)));
            }
        }
        assertThat(view.probeMethods.getText()).contains("C: marginal: logsumexp over the 5 classes");
    }

    @Test
    void aForeignAMissingAndAMalformedIdShowTheSameNotFoundPage() {
        UUID owner = logIn("owner");
        RunSettings settings = RunPresets.smoke(ModelFamily.FLOW_MATCHING);
        settings.setName("their secret run");
        Run theirs = runs.queue(owner, settings);
        logIn("guesser");
        Run nf = reference(ModelFamily.NORMALIZING_FLOW);

        String foreign = text(open(nf.id() + "," + theirs.id()));
        MockVaadin.tearDown();
        MockVaadin.setup(new Routes().autoDiscoverViews("org.flowfield.compare.ui"));
        String missing = text(open(nf.id() + "," + UUID.randomUUID()));
        MockVaadin.tearDown();
        MockVaadin.setup(new Routes().autoDiscoverViews("org.flowfield.compare.ui"));
        CompareView malformed = open(nf.id() + ",not-a-run-id");

        assertThat(foreign).contains(CompareView.NOT_FOUND).doesNotContain(theirs.name()).doesNotContain(nf.name());
        assertThat(foreign).isEqualTo(missing).isEqualTo(text(malformed));
        assertThat(malformed.getPageTitle()).isEqualTo("Run not found · Flowfield");
        assertThat(malformed.runIds()).isEmpty();
    }

    @Test
    void oneRunOrTheSameRunTwiceSaysWhyItCannotCompare() {
        logIn("viewer");
        Run nf = reference(ModelFamily.NORMALIZING_FLOW);

        assertThat(text(open(nf.id().toString()))).contains("Cannot compare these runs", "Pick at least 2 runs to compare, got 1.");
        assertThat(text(open(nf.id() + "," + nf.id()))).contains("is listed twice");
    }

    @Test
    void namesTheUserTypedAreShownAsText() {
        UUID me = logIn("author");
        RunSettings settings = RunPresets.smoke(ModelFamily.NORMALIZING_FLOW);
        settings.setName("<b>bold</b> <img src=x onerror=alert(1)>");
        Run mine = runs.queue(me, settings);
        Run fm = reference(ModelFamily.FLOW_MATCHING);

        CompareView view = open(mine.id() + "," + fm.id());

        Anchor link = view.getElement().getChildren().map(e -> e.getComponent().orElse(null)).filter(java.util.Objects::nonNull)
                .flatMap(c -> com.github.mvysny.kaributesting.v10.LocatorJ._find(c, Anchor.class).stream())
                .filter(a -> a.hasClassName("compare-run-name")).findFirst().orElseThrow();
        assertThat(link.getText()).isEqualTo(mine.name());
        assertThat(link.getElement().getChildCount()).isEqualTo(1);
        assertThat(link.getElement().getChild(0).isTextNode()).isTrue();
        assertThat(link.getHref()).isEqualTo("runs/" + mine.id());
        assertThat(headers(view.settingsGrid)).contains("A: " + mine.name());
        assertThat(view.lossChart.series()).extracting(ChartSeries::name).noneMatch(name -> name.contains("<"));
        assertThat(text(view)).contains("<b>bold</b> <img src=x onerror=alert(1)>");
        // an unfinished run: no figures, no samples, no progression frames
        assertThat(CompareView.formatFigure(GridKt._get(view.figuresGrid, 0), 0)).isEqualTo("—");
        assertThat(view.sampleCharts.getFirst().series()).isEmpty();
    }

    @Test
    void aComparedRunWhoseLinkIsRevokedLeavesThePageAtOnceLikeTheRunPage() {
        UUID owner = logIn("sharer");
        Run theirs = runs.queue(owner, RunPresets.smoke(ModelFamily.FLOW_MATCHING));
        String token = sharing.shareByLink(owner, theirs.id()).token();
        UUID viewer = logIn("viewer");
        sharing.openLink(viewer, token);
        Run mine = runs.queue(viewer, RunPresets.smoke(ModelFamily.NORMALIZING_FLOW));
        String missing = text(open(UUID.randomUUID() + "," + mine.id()));
        UI.getCurrent().removeAll();
        CompareView view = open(theirs.id() + "," + mine.id());
        assertThat(view.comparison).isNotNull();

        sharing.makePrivate(owner, theirs.id());
        MockVaadin.clientRoundtrip(false);

        assertThat(view.comparison).isNull();
        assertThat(text(view)).isEqualTo(missing);
        assertThat(view.getPageTitle()).isEqualTo(CompareView.NOT_FOUND + " · Flowfield");
        assertThat(updates.watchers(theirs.id())).isZero();
        UI.getCurrent().remove(view);
        assertThat(updates.watchers(mine.id())).as("detached: it follows nothing").isZero();
    }
}
