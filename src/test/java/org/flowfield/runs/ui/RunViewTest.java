package org.flowfield.runs.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.Locale;
import java.util.UUID;
import org.flowfield.accounts.AccountService;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.StepLoss;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunHistory;
import org.flowfield.runs.RunService;
import org.flowfield.runs.live.RunUpdate;
import org.flowfield.runs.live.RunUpdates;
import org.flowfield.runs.settings.RunPresets;
import org.flowfield.security.CurrentAccount;
import org.flowfield.training.EpochReport;
import org.flowfield.training.ProgressReport;
import org.flowfield.ui.chart.ChartSeries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/run-view-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4"
})
class RunViewTest {

    @Autowired
    AccountService accounts;

    @Autowired
    RunService runs;

    @Autowired
    RunUpdates updates;

    @Autowired
    CurrentAccount current;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

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

    private RunView open(String runId) {
        RunView view = new RunView(runs, current);
        view.show(runId);
        UI.getCurrent().add(view);
        MockVaadin.clientRoundtrip(false);
        return view;
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }

    @Test
    void aFinishedRunShowsItsLossCurveWithBothPartsItsReplayByEpochAndItsFigures() {
        logIn("viewer");
        Run reference = runs.listReference().stream()
                .filter(run -> run.config().family() == ModelFamily.NORMALIZING_FLOW).findFirst().orElseThrow();
        RunHistory history = runs.history(current.id(), reference.id());

        RunView view = open(reference.id().toString());

        assertThat(view.getPageTitle()).isEqualTo(reference.name() + " · Flowfield");
        assertThat(view.training.lossChart.series()).extracting(ChartSeries::name)
                .containsExactly("loss (negative log-likelihood)", "log det", "log p_z");
        assertThat(view.training.lossChart.series()).allSatisfy(series -> assertThat(series.size()).isEqualTo(history.loss().size()));
        assertThat(view.training.lossChart.series().getFirst().xy()[1]).isEqualTo(history.loss().getFirst().loss());
        assertThat(view.training.sampleChart.frames()).hasSize(reference.config().epochs());
        assertThat(view.training.sampleChart.frames().getLast().label()).isEqualTo("epoch 20 of 20");
        assertThat(view.training.sampleChart.frames().getFirst().series().getFirst().size()).isEqualTo(1000);
        assertThat(view.training.progress.getValue()).isEqualTo(1.0);
        assertThat(view.training.figures.getText()).contains(String.format(Locale.ROOT, "Held-out NLL %.3f", reference.figures().heldOutNll()));
        // the rings' density is known: H of the standardised rings; this test's worker leaves the transport figures waiting
        assertThat(view.training.truthFigures.getText()).isEqualTo(TruthFiguresText.againstTheData(reference.figures()))
                .contains(String.format(Locale.ROOT, "entropy H %.3f nats", reference.figures().dataEntropy()))
                .contains("of samples outside the data's support");
        assertThat(view.training.transportFigures.getText()).contains("being computed");
        assertThat(view.training.nllBelowEntropy.isVisible()).isFalse();
        assertThat(view.cancel.isVisible()).isFalse();
    }

    @Test
    void aClassConditionalRunsSamplesAreColouredByClassInTheRingColours() {
        logIn("viewer");
        Run reference = runs.listReference().stream()
                .filter(run -> run.config().family() == ModelFamily.CONDITIONAL_FLOW_MATCHING).findFirst().orElseThrow();

        RunView view = open(reference.id().toString());

        assertThat(view.training.sampleChart.frames().getLast().series()).extracting(ChartSeries::name, ChartSeries::colour)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("black", "#000000"),
                        org.assertj.core.groups.Tuple.tuple("blue", "#0081C8"),
                        org.assertj.core.groups.Tuple.tuple("green", "#00A651"),
                        org.assertj.core.groups.Tuple.tuple("red", "#EE334E"),
                        org.assertj.core.groups.Tuple.tuple("yellow", "#FCB131"));
        assertThat(view.training.lossChart.series()).extracting(ChartSeries::name).containsExactly("loss");
    }

    @Test
    void anotherUsersRunLooksExactlyLikeARunThatDoesNotExist() {
        UUID owner = logIn("owner");
        Run theirs = runs.queue(owner, RunPresets.smoke(ModelFamily.FLOW_MATCHING));
        logIn("guesser");

        String foreign = text(open(theirs.id().toString()));
        MockVaadin.tearDown();
        MockVaadin.setup(new Routes().autoDiscoverViews("org.flowfield.runs.ui"));
        String missing = text(open(UUID.randomUUID().toString()));
        MockVaadin.tearDown();
        MockVaadin.setup(new Routes().autoDiscoverViews("org.flowfield.runs.ui"));
        RunView garbage = open("not-a-run-id");

        assertThat(foreign).contains(RunView.NOT_FOUND).doesNotContain(theirs.name());
        assertThat(foreign).isEqualTo(missing).isEqualTo(text(garbage));
        assertThat(garbage.getPageTitle()).isEqualTo("Run not found · Flowfield");
        assertThat(updates.watchers(theirs.id())).isZero();
    }

    @Test
    void liveUpdatesAreDrawnNewestFirstAndOnlyOnceTheBrowserHasDrawnTheLastFrame() {
        UUID me = logIn("trainer");
        Run run = runs.queue(me, RunPresets.smoke(ModelFamily.CONDITIONAL_FLOW_MATCHING));
        RunView view = open(run.id().toString());
        assertThat(view.training.progressText.getText()).isEqualTo("Queued · 0 of 48 steps");
        assertThat(view.cancel.isVisible()).isTrue();
        assertThat(updates.watchers(run.id())).isEqualTo(1);

        // the first frame is in flight: newer ones wait, and only the newest is kept
        jdbc.sql("update run set status = 'RUNNING', device = 'CPU' where id = ?").param(run.id()).update();
        updates.publish(new RunUpdate.StatusChanged(run.id()));
        updates.publish(new RunUpdate.Progress(run.id(), new ProgressReport(10, 48, 0, 10, 2.0, Double.NaN, Double.NaN, 1e-3, 400)));
        updates.publish(new RunUpdate.Progress(run.id(), new ProgressReport(16, 48, 0, 6, 1.5, Double.NaN, Double.NaN, 1e-3, 500)));
        float[] samples = new float[2 * 10];
        int[] classes = {0, 1, 2, 3, 4, 0, 1, 2, 3, 4};
        updates.publish(new RunUpdate.Epoch(run.id(), new EpochReport(0, 16, StepLoss.of(1.2), samples, classes)));
        MockVaadin.clientRoundtrip(false);
        assertThat(view.training.lossChart.series().getFirst().size()).isZero();
        assertThat(view.training.sampleChart.series()).isEmpty();

        view.frameDrawn();
        MockVaadin.clientRoundtrip(false);

        assertThat(view.training.lossChart.series().getFirst().size()).isEqualTo(2);
        assertThat(view.training.lossChart.series().getFirst().xy()).containsExactly(10, 2.0, 16, 1.5);
        assertThat(view.training.sampleChart.series().stream().mapToInt(ChartSeries::size).sum()).isEqualTo(10);
        assertThat(view.training.progress.getValue()).isEqualTo(16.0 / 48);
        assertThat(view.training.progressText.getText()).isEqualTo("16 of 48 steps · 500 steps/s · 0 s left");
        assertThat(view.status.getText()).isEqualTo("running on CPU");

        // an update that repeats what the page already has is ignored
        updates.publish(new RunUpdate.Progress(run.id(), new ProgressReport(16, 48, 0, 6, 9.0, Double.NaN, Double.NaN, 1e-3, 500)));
        view.frameDrawn();
        MockVaadin.clientRoundtrip(false);
        assertThat(view.training.lossChart.series().getFirst().size()).isEqualTo(2);

        UI.getCurrent().remove(view);
        assertThat(updates.watchers(run.id())).isZero();
    }

    @Test
    void theOwnerCancelsAQueuedRunFromItsPage() {
        UUID me = logIn("canceller");
        Run run = runs.queue(me, RunPresets.smoke(ModelFamily.NORMALIZING_FLOW));
        RunView view = open(run.id().toString());

        view.cancel.click();

        assertThat(view.status.getText()).isEqualTo("cancelled");
        assertThat(view.cancel.isVisible()).isFalse();
        assertThat(runs.find(me, run.id()).orElseThrow().status().name()).isEqualTo("CANCELLED");
        assertThat(view.getElement().getTextRecursively()).contains(run.name());
    }
}
