package org.flowfield.published.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.NativeTable;
import java.util.UUID;
import org.flowfield.accounts.AccountService;
import org.flowfield.flows.ModelFamily;
import org.flowfield.published.ProtocolCell;
import org.flowfield.published.ProtocolService;
import org.flowfield.published.PublishedMethod;
import org.flowfield.published.PublishedTask;
import org.flowfield.published.TongProtocol;
import org.flowfield.published.TongTable2;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunService;
import org.flowfield.runs.settings.RunPresets;
import org.flowfield.security.CurrentAccount;
import org.flowfield.testing.Sessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/published-${random.uuid}",
    "flowfield.queue.max-queued-per-user=5",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4"
})
class ProtocolViewTest {

    @Autowired
    AccountService accounts;

    @Autowired
    ProtocolService protocols;

    @Autowired
    RunService runs;

    @Autowired
    CurrentAccount current;

    @BeforeEach
    void vaadin() {
        MockVaadin.setup(new Routes().autoDiscoverViews("org.flowfield.published.ui"));
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    private ProtocolView open() {
        ProtocolView view = new ProtocolView(protocols, current);
        UI.getCurrent().add(view);
        return view;
    }

    private static String w2Table(ProtocolView view) {
        return _get(view, NativeTable.class, spec -> spec.withId("published-w2")).getElement().getTextRecursively();
    }

    private static Button train(ProtocolView view, PublishedMethod method, PublishedTask task) {
        return _get(view, Button.class, spec -> spec.withId("train-" + method.name().toLowerCase(java.util.Locale.ROOT) + "-"
                + task.name().toLowerCase(java.util.Locale.ROOT)));
    }

    private ProtocolCell cell(UUID viewer, PublishedTask task, PublishedMethod method) {
        return protocols.results(viewer).stream().filter(c -> c.task() == task && c.method() == method).findFirst().orElseThrow();
    }

    @Test
    void thePageShowsThePapersNumbersCitedAndOneTrainButtonPerReproducibleCell() {
        Sessions.signUpAndLogIn(accounts, "reader");

        ProtocolView view = open();

        String text = view.getElement().getTextRecursively();
        assertThat(text).contains(TongTable2.CITATION);
        String w2 = w2Table(view);
        assertThat(w2).contains("Paper: 0.130 ± 0.016", "Paper: 1.557 ± 0.407", "Paper: 0.343 ± 0.058", "Paper: –",
                "Flowfield: " + ProtocolView.NOT_RUN);
        assertThat(_get(view, NativeTable.class, spec -> spec.withId("published-normalized-path-energy")).getElement()
                .getTextRecursively()).contains("Paper: 0.083 ± 0.009", "Paper: 2.680 ± 0.292", "Paper: 0.762 ± 0.099");
        // OT-CFM and I-CFM on four tasks; FM only for reference
        assertThat(_find(view, Button.class, spec -> spec.withText(ProtocolView.TRAIN))).hasSize(2 * PublishedTask.values().length);
    }

    @Test
    void trainingACellQueuesItsFiveSeedsAndAFullQueueIsExplained() {
        UUID me = Sessions.signUpAndLogIn(accounts, "trainer");
        ProtocolView view = open();

        _click(train(view, PublishedMethod.OT_CFM, PublishedTask.NORMAL_TO_MOONS));

        NotificationsKt.expectNotifications("Queued 5 seeds of OT-CFM on N → moons");
        assertThat(cell(me, PublishedTask.NORMAL_TO_MOONS, PublishedMethod.OT_CFM).queued()).isEqualTo(TongProtocol.SEEDS);
        assertThat(runs.listOwn(me)).extracting(Run::name).contains("Tong 2024 · OT-CFM · N → moons · seed 0");
        assertThat(w2Table(view)).contains("0 of 5 finished, 5 queued");

        _click(train(view, PublishedMethod.I_CFM, PublishedTask.NORMAL_TO_MOONS));

        assertThat(NotificationsKt.getNotifications()).last()
                .satisfies(n -> assertThat(n.getElement().getProperty("text", "") + n.getElement().getTextRecursively())
                        .contains("the limit is 5"));
        assertThat(cell(me, PublishedTask.NORMAL_TO_MOONS, PublishedMethod.I_CFM).runs()).isZero();
        assertThat(runs.listOwn(me)).hasSize(TongProtocol.SEEDS);
    }
}
