package org.flowfield.questions;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.flowfield.accounts.AccountService;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunService;
import org.flowfield.runs.ui.RunPageTabs;
import org.flowfield.runs.ui.RunView;
import org.flowfield.security.CurrentAccount;
import org.flowfield.ui.chart.ChartSeries;
import org.flowfield.ui.chart.FlowChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Pages that open a heavy question's tab and go away (as a class's browsers do all day) leave
 * nothing behind: no caller waits in the question cache, no computation waits in the queue, and
 * every page's UI can be collected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/question-views-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4"
})
class HeavyTabVisitsTest {

    static final int VISITS = 300;

    @Autowired
    AccountService accounts;

    @Autowired
    RunService runs;

    @Autowired
    CurrentAccount current;

    @Autowired
    List<RunPageTabs> tabs;

    @Autowired
    QuestionService questions;

    @Autowired
    QuestionWorkers workers;

    @Autowired
    QuestionLimits limits;

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    private Run reference(ModelFamily family) {
        return runs.listReference().stream().filter(run -> run.config().family() == family).findFirst().orElseThrow();
    }

    /** A new browser page on the run with the tab open; the page's UI. */
    private UI visit(Run run, String tab) {
        MockVaadin.setup(new Routes());
        RunView view = new RunView(runs, current, tabs);
        view.show(run.id().toString());
        UI.getCurrent().add(view);
        view.openTab(tab);
        MockVaadin.clientRoundtrip(false);
        return UI.getCurrent();
    }

    /** The page goes away: logged out, closed or expired, its components detached. */
    private static void leave(UI ui) {
        ui.removeAll();
        MockVaadin.tearDown();
    }

    private static Stream<Component> everything(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(HeavyTabVisitsTest::everything));
    }

    private static void settle(java.util.function.BooleanSupplier done) {
        Awaitility.await().atMost(Duration.ofMinutes(4)).pollInSameThread().pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    MockVaadin.clientRoundtrip(false);
                    return done.getAsBoolean();
                });
    }

    private static long usedHeapAfterCollections() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void assertNothingIsLeft(List<WeakReference<UI>> pages) {
        assertThat(questions.waitingCallers()).isZero();
        assertThat(workers.queue().size()).isZero();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    System.gc();
                    return pages.stream().allMatch(page -> page.get() == null);
                });
    }

    @Test
    void hundredsOfVisitsToTheDensityMapKeepNoPageAlive() {
        org.flowfield.testing.Sessions.signUpAndLogIn(accounts, "visitor");
        Run run = reference(ModelFamily.NORMALIZING_FLOW);
        UI first = visit(run, "Q5: Probability estimation");
        settle(() -> everything(first).anyMatch(c -> c instanceof FlowChart chart
                && chart.series().stream().anyMatch(ChartSeries::backdrop)));
        leave(first);
        long before = usedHeapAfterCollections();

        List<WeakReference<UI>> pages = new ArrayList<>();
        for (int i = 0; i < VISITS; i++) {
            UI page = visit(run, "Q5: Probability estimation");
            assertThat(everything(page).anyMatch(c -> c instanceof FlowChart chart
                    && chart.series().stream().anyMatch(ChartSeries::backdrop))).as("visit %d shows the kept map", i).isTrue();
            pages.add(new WeakReference<>(page));
            leave(page);
        }

        assertNothingIsLeft(pages);
        long after = usedHeapAfterCollections();
        System.out.printf("heap after %d density-map visits: %.1f MB before, %.1f MB after%n", VISITS, before / 1e6, after / 1e6);
    }

    @Test
    void pagesThatLeaveBeforeTheirSweepArrivesStopWaitingAndTheirComputationsAreDropped() {
        org.flowfield.testing.Sessions.signUpAndLogIn(accounts, "sweeper");
        Run run = reference(ModelFamily.FLOW_MATCHING);
        int allowed = limits.computationsPerPerson();
        limits.setComputationsPerPerson(1000);
        try {
            List<WeakReference<UI>> pages = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                UI page = visit(run, "Q4: Time quantization");
                TextField dts = everything(page).filter(TextField.class::isInstance).map(TextField.class::cast)
                        .findFirst().orElseThrow();
                dts.setValue("0.1, " + (0.01 + i / 10_000.0));
                everything(page).filter(c -> c instanceof Button button && "Sample".equals(button.getText()))
                        .map(Button.class::cast).findFirst().orElseThrow().click();
                pages.add(new WeakReference<>(page));
                leave(page);
            }

            assertNothingIsLeft(pages);
            assertThat(questions.cachedAnswers()).isLessThan(QuestionService.DEFAULT_CACHE_ENTRIES);
        } finally {
            limits.setComputationsPerPerson(allowed);
        }
    }
}
