package org.flowfield.runs.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import java.util.List;
import java.util.UUID;
import org.flowfield.accounts.AccountService;
import org.flowfield.classrooms.Classroom;
import org.flowfield.classrooms.ClassroomService;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.FinishedRuns;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunService;
import org.flowfield.runs.RunSharingService;
import org.flowfield.runs.Sharing;
import org.flowfield.runs.settings.RunSettingsSchema;
import org.flowfield.security.CurrentAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** The access matrix through the views: the run page, share links, forks and the run list. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/sharing-views-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4"
})
class SharingViewsTest {

    @Autowired AccountService accounts;
    @Autowired RunService runs;
    @Autowired RunSharingService sharing;
    @Autowired org.flowfield.datasets.UserDataSets userDataSets;
    @Autowired ClassroomService classrooms;
    @Autowired RunActions actions;
    @Autowired CurrentAccount current;
    @Autowired ApplicationContext context;

    String owner;
    String classmate;
    String outsider;
    String holder;
    Classroom classroom;
    Run run;

    @BeforeEach
    void setUp() {
        MockVaadin.setup(new Routes().autoDiscoverViews("org.flowfield.runs.ui"));
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        owner = "owner-" + suffix;
        classmate = "classmate-" + suffix;
        outsider = "outsider-" + suffix;
        holder = "holder-" + suffix;
        UUID ownerId = accounts.signUp(owner, "a long password").id();
        UUID classmateId = accounts.signUp(classmate, "a long password").id();
        accounts.signUp(outsider, "a long password");
        accounts.signUp(holder, "a long password");
        classroom = classrooms.create(ownerId, "Flow models");
        classrooms.join(classmateId, classroom.inviteCode());
        run = FinishedRuns.copyOfReference(context, ModelFamily.FLOW_MATCHING, ownerId, "<b>my rings</b>");
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    private void logIn(String username) {
        org.flowfield.testing.Sessions.logIn(username);
    }

    private RunView page(String username, String runId) {
        logIn(username);
        UI.getCurrent().removeAll();
        RunView view = new RunView(runs, current, List.of(), actions);
        view.show(runId);
        UI.getCurrent().add(view);
        MockVaadin.clientRoundtrip(false);
        return view;
    }

    private static String text(RunView view) {
        return view.getElement().getTextRecursively();
    }

    private static SharingPanel sharingPanel(RunView view) {
        return view.getChildren().flatMap(child -> child.getChildren()).filter(SharingPanel.class::isInstance)
                .map(SharingPanel.class::cast).findFirst().orElse(null);
    }

    @Test
    void theOwnerSharesWithTheClassAndOnlyClassmatesSeeTheRunPage() {
        String missing = text(page(owner, UUID.randomUUID().toString()));
        RunView mine = page(owner, run.id().toString());
        SharingPanel panel = sharingPanel(mine);
        assertThat(panel.audience.getValue().mode()).isEqualTo(Sharing.PRIVATE);
        assertThat(text(page(classmate, run.id().toString()))).isEqualTo(missing);

        mine = page(owner, run.id().toString());
        sharingPanel(mine).audience.setValue(sharingPanel(mine).audience.getListDataView().getItems()
                .filter(choice -> choice.mode() == Sharing.CLASS).findFirst().orElseThrow());

        RunView theirs = page(classmate, run.id().toString());
        assertThat(theirs.getPageTitle()).isEqualTo("<b>my rings</b> · Flowfield");
        assertThat(sharingPanel(theirs)).as("only the owner changes sharing").isNull();
        assertThat(text(page(outsider, run.id().toString()))).isEqualTo(missing);
        logIn(classmate);
        RunsView list = new RunsView(runs, current, accounts);
        assertThat(GridKt._findAll(list.grid)).extracting(Run::id).contains(run.id());
        int row = GridKt._findAll(list.grid).stream().map(Run::id).toList().indexOf(run.id());
        assertThat(GridKt._getFormattedRow(list.grid, row)).contains("<b>my rings</b>", owner);
    }

    @Test
    void aShareLinkOpensTheRunUntilTheOwnerRevokesItAndThenItsViewerSeesNotFound() {
        String missing = text(page(holder, UUID.randomUUID().toString()));
        RunView mine = page(owner, run.id().toString());
        SharingPanel panel = sharingPanel(mine);
        panel.audience.setValue(panel.audience.getListDataView().getItems()
                .filter(choice -> choice.mode() == Sharing.LINK).findFirst().orElseThrow());
        String address = panel.link.getValue();
        assertThat(panel.link.isVisible()).isTrue();
        assertThat(address).contains("/shared/");
        String token = address.substring(address.indexOf("/shared/") + "/shared/".length());

        logIn(holder);
        SharedLinkView link = new SharedLinkView(sharing, current);
        assertThat(link.open(token)).map(Run::id).contains(run.id());
        RunView watching = page(holder, run.id().toString());
        assertThat(watching.getPageTitle()).isEqualTo(run.name() + " · Flowfield");

        logIn(owner);
        panel.revoke.click();
        MockVaadin.clientRoundtrip(false);

        assertThat(text(watching)).as("the open page of the link's viewer").isEqualTo(missing);
        assertThat(panel.audience.getValue().mode()).isEqualTo(Sharing.PRIVATE);
        logIn(holder);
        SharedLinkView revoked = new SharedLinkView(sharing, current);
        assertThat(revoked.open(token)).isEmpty();
        assertThat(revoked.getElement().getTextRecursively()).isEqualTo(missing);
        assertThat(text(page(holder, run.id().toString()))).isEqualTo(missing);
    }

    @Test
    void aClassmateForksASharedRunIntoTheFormWithItsSettings() {
        logIn(owner);
        sharing.shareWithClassroom(current.id(), run.id(), classroom.id());
        logIn(classmate);

        NewRunView form = new NewRunView(runs, sharing, userDataSets, current);
        form.startFrom(run.id().toString());

        assertThat(form.heading.getText()).isEqualTo("Fork a run");
        assertThat(form.form.text(RunSettingsSchema.NAME).getValue()).isEqualTo("Fork of <b>my rings</b>");
        assertThat(form.form.family.getValue()).isEqualTo(ModelFamily.FLOW_MATCHING);
        assertThat(form.form.text(RunSettingsSchema.POINTS).getValue()).isEqualTo(Integer.toString(run.config().points()));
        logIn(outsider);
        NewRunView outsiders = new NewRunView(runs, sharing, userDataSets, current);
        outsiders.startFrom(run.id().toString());
        assertThat(outsiders.heading.getText()).isEqualTo("New run");
    }

    @Test
    void aRunNameIsShownAsTextNotMarkup() {
        RunView mine = page(owner, run.id().toString());
        H2 heading = mine.getChildren().flatMap(child -> child.getChildren()).filter(H2.class::isInstance)
                .map(H2.class::cast).findFirst().orElseThrow();
        assertThat(heading.getText()).isEqualTo("<b>my rings</b>");
        assertThat(heading.getElement().getChildCount()).isEqualTo(1);
        assertThat(heading.getElement().getChild(0).isTextNode()).as("a text node, never parsed as HTML").isTrue();
    }

    @Test
    void theOwnerDeletesARunAfterConfirmingAndEveryOpenPageOfItClosesWhileOthersSeeNoButton() {
        String missing = text(page(classmate, UUID.randomUUID().toString()));
        logIn(owner);
        sharing.shareWithClassroom(current.id(), run.id(), classroom.id());
        RunView theirs = page(classmate, run.id().toString());
        assertThat(LocatorJ._find(theirs, Button.class, spec -> spec.withText(RunActions.DELETE))).as("only its owner deletes it").isEmpty();
        logIn(owner);
        RunView mine = new RunView(runs, current, List.of(), actions);
        mine.show(run.id().toString());
        UI.getCurrent().add(mine);
        MockVaadin.clientRoundtrip(false);

        LocatorJ._click(LocatorJ._get(mine, Button.class, spec -> spec.withText(RunActions.DELETE)));
        MockVaadin.clientRoundtrip(false);
        assertThat(runs.find(current.id(), run.id())).as("nothing before the owner confirms").isPresent();
        // (a lookup from the UI would trip over the mock's start page, the runs list, which needs Spring to build)
        Dialog question = UI.getCurrent().getChildren().filter(Dialog.class::isInstance).map(Dialog.class::cast)
                .filter(Dialog::isOpened).findFirst().orElseThrow();
        assertThat(question.getHeaderTitle()).isEqualTo("Delete “<b>my rings</b>”?");
        LocatorJ._click(LocatorJ._get(question, Button.class, spec -> spec.withText(RunActions.DELETE)));
        MockVaadin.clientRoundtrip(false);

        assertThat(runs.find(current.id(), run.id())).isEmpty();
        assertThat(mine.getPageTitle()).isEqualTo(RunView.DELETED + " · Flowfield");
        assertThat(text(mine)).contains("“<b>my rings</b>” and its files are gone.", "Back to the runs");
        assertThat(text(theirs)).as("the classmate's open page").isEqualTo(missing);
    }
}
