package org.flowfield.runs.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.UUID;
import org.flowfield.accounts.AccountService;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunService;
import org.flowfield.runs.settings.RunPresets;
import org.flowfield.runs.settings.RunSettings;
import org.flowfield.security.CurrentAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/runs-view-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4"
})
class RunsViewTest {

    @Autowired
    AccountService accounts;

    @Autowired
    RunService runs;

    @Autowired
    CurrentAccount current;

    @Autowired
    org.flowfield.runs.live.RunUpdates updates;

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

    private UUID logIn(String username) {
        UUID id = accounts.signUp(username, "a long password").id();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(username, null, AuthorityUtils.createAuthorityList("ROLE_USER")));
        return id;
    }

    @Test
    void theListShowsTheUsersOwnRunsAndTheReferenceRunsButNoOneElses() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        UUID other = accounts.signUp("other-" + suffix, "a long password").id();
        RunSettings theirs = RunPresets.smoke(ModelFamily.FLOW_MATCHING);
        theirs.setName("someone else's run");
        runs.queue(other, theirs);
        UUID me = logIn("me-" + suffix);
        RunSettings mine = RunPresets.smoke(ModelFamily.NORMALIZING_FLOW);
        mine.setName("<b>my run</b>");
        Run queued = runs.queue(me, mine);

        RunsView view = new RunsView(runs, current, accounts);
        UI.getCurrent().add(view);

        List<Run> rows = GridKt._findAll(view.grid);
        assertThat(rows).extracting(Run::id).contains(queued.id());
        assertThat(rows).extracting(Run::name).doesNotContain("someone else's run");
        assertThat(rows).extracting(Run::name).containsAll(runs.listReference().stream().map(Run::name).toList());
        int row = rows.stream().map(Run::id).toList().indexOf(queued.id());
        assertThat(GridKt._getFormattedRow(view.grid, row)).contains("<b>my run</b>", "you", "Normalizing flow", "queued", "0%");
    }

    @Test
    void twoToFourTickedRunsOpenTheComparePageWithTheirIds() {
        logIn("comparer-" + UUID.randomUUID().toString().substring(0, 6));
        RunsView view = new RunsView(runs, current, accounts);
        UI.getCurrent().add(view);
        List<Run> references = runs.listReference();

        assertThat(view.compare.isEnabled()).isFalse();
        view.grid.select(references.get(0));
        assertThat(view.compare.isEnabled()).isFalse();
        view.grid.select(references.get(1));
        assertThat(view.compare.isEnabled()).isTrue();
        assertThat(view.compare.getText()).isEqualTo("Compare 2");

        // the page the button opens (by its route's name; the browser check clicks it for real)
        assertThat(RunsView.COMPARE_ROUTE).isEqualTo("compare");
        assertThat(view.compareParameters().getParameters().get("runs"))
                .containsExactly(references.get(0).id() + "," + references.get(1).id());
        view.grid.select(references.get(2));
        assertThat(view.compare.getText()).isEqualTo("Compare 3");
        assertThat(view.compare.isEnabled()).isTrue();
    }

    @Test
    void theListFollowsTheUsersUnfinishedRunsLive() {
        UUID me = logIn("live-" + UUID.randomUUID().toString().substring(0, 6));
        Run queued = runs.queue(me, RunPresets.smoke(ModelFamily.FLOW_MATCHING));
        RunsView view = new RunsView(runs, current, accounts);
        UI.getCurrent().add(view);
        MockVaadin.clientRoundtrip(false);
        int row = GridKt._findAll(view.grid).stream().map(Run::id).toList().indexOf(queued.id());
        assertThat(GridKt._getFormattedRow(view.grid, row)).contains("queued", "0%");
        assertThat(updates.watchers(queued.id())).isEqualTo(1);

        jdbc.sql("update run set status = 'RUNNING', steps_done = 24 where id = ?").param(queued.id()).update();
        updates.publish(new org.flowfield.runs.live.RunUpdate.StatusChanged(queued.id()));
        MockVaadin.clientRoundtrip(false);

        assertThat(GridKt._getFormattedRow(view.grid, row)).contains("running", "50%");
        UI.getCurrent().remove(view);
        assertThat(updates.watchers(queued.id())).isZero();
    }
}
