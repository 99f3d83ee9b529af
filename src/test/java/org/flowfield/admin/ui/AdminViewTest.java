package org.flowfield.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.router.NotFoundException;
import java.util.List;
import java.util.UUID;
import org.flowfield.accounts.AccountDirectory.ListedAccount;
import org.flowfield.accounts.AccountService;
import org.flowfield.admin.AdminService;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunService;
import org.flowfield.runs.RunStatus;
import org.flowfield.runs.settings.RunPresets;
import org.flowfield.security.CurrentAccount;
import org.flowfield.testing.Sessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;

/** The administration page: hidden from everyone else, and its buttons act on the whole server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/admin-view-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4",
    "flowfield.admin.accounts=view-admin"
})
class AdminViewTest {

    @Autowired AdminService admin;
    @Autowired AccountService accounts;
    @Autowired RunService runs;
    @Autowired CurrentAccount current;

    @BeforeEach
    void vaadin() {
        MockVaadin.setup(new Routes().autoDiscoverViews("org.flowfield.admin.ui"));
        if (accounts.findByUsername("view-admin").isEmpty()) {
            accounts.signUp("view-admin", Sessions.PASSWORD);
        }
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Opens the page as the logged-in user would reach it; returns the event, which says if it was refused. */
    private BeforeEnterEvent open(AdminView view) {
        BeforeEnterEvent event = new BeforeEnterEvent(UI.getCurrent().getInternals().getRouter(), NavigationTrigger.PROGRAMMATIC,
                new Location("admin"), AdminView.class, UI.getCurrent(), List.of());
        view.beforeEnter(event);
        if (!event.hasErrorParameter()) {
            UI.getCurrent().add(view);
        }
        return event;
    }

    @Test
    void aStudentFindsNoPageThere() {
        Sessions.signUpAndLogIn(accounts, "student");

        AdminView view = new AdminView(admin, current);
        BeforeEnterEvent event = open(view);

        assertThat(event.hasErrorParameter()).isTrue();
        assertThat(event.getErrorParameter().getException()).isInstanceOf(NotFoundException.class);
        assertThat(view.getComponentCount()).isZero();
    }

    @Test
    void theAdministratorCancelsARunDisablesItsOwnerAndChangesALimit() {
        UUID student = Sessions.signUpAndLogIn(accounts, "student");
        Run run = runs.queue(student, RunPresets.smoke(ModelFamily.NORMALIZING_FLOW));
        String studentName = current.account().username();
        Sessions.logIn("view-admin");
        AdminView view = new AdminView(admin, current);
        assertThat(open(view).hasErrorParameter()).isFalse();

        assertThat(GridKt._findAll(view.waiting)).extracting(Run::id).contains(run.id());
        int row = GridKt._findAll(view.waiting).stream().map(Run::id).toList().indexOf(run.id());
        assertThat(GridKt._getFormattedRow(view.waiting, row)).contains(studentName, "Normalizing flow");
        LocatorJ._click((Button) GridKt._getCellComponent(view.waiting, row, "cancel"));
        assertThat(runs.find(student, run.id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(GridKt._findAll(view.waiting)).extracting(Run::id).doesNotContain(run.id());

        int account = GridKt._findAll(view.accounts).stream().map(listed -> listed.account().id()).toList().indexOf(student);
        LocatorJ._click((Button) GridKt._getCellComponent(view.accounts, account, "action"));
        assertThat(view.message.getText()).isEqualTo(studentName + " is disabled: 0 runs cancelled, 0 sessions ended");
        assertThat(GridKt._findAll(view.accounts)).filteredOn(listed -> listed.account().id().equals(student))
                .singleElement().matches(ListedAccount::disabled);

        TextField waitingPerUser = view.limitFields.stream().filter(field -> field.getLabel().equals("Waiting runs per user"))
                .findFirst().orElseThrow();
        String before = waitingPerUser.getValue();
        LocatorJ._setValue(waitingPerUser, "0");
        LocatorJ._click(LocatorJ._get(waitingPerUser.getParent().orElseThrow(), Button.class, spec -> spec.withText("Apply")));
        assertThat(waitingPerUser.isInvalid()).isTrue();
        assertThat(waitingPerUser.getErrorMessage()).isEqualTo("Waiting runs per user must be between 1 and 100");
        LocatorJ._setValue(waitingPerUser, "7");
        LocatorJ._click(LocatorJ._get(waitingPerUser.getParent().orElseThrow(), Button.class, spec -> spec.withText("Apply")));
        assertThat(waitingPerUser.isInvalid()).isFalse();
        assertThat(view.message.getText()).isEqualTo("Waiting runs per user is now 7");
        assertThat(admin.limits(current.id())).filteredOn(limit -> limit.label().equals("Waiting runs per user"))
                .singleElement().matches(limit -> limit.value() == 7);
        admin.changeLimit(current.id(), "flowfield.queue.max-queued-per-user", Long.parseLong(before));
    }
}
