package org.flowfield.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import java.util.UUID;
import org.flowfield.accounts.AccountService;
import org.flowfield.security.CurrentAccount;
import org.flowfield.security.PasswordChanges;
import org.flowfield.testing.Sessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;

/** Same Spring set-up as PasswordChangesTest, so the two share one context. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/security-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4",
    "flowfield.limits.log-in-per-account.attempts=3"
})
class AccountViewTest {

    @Autowired
    AccountService accounts;

    @Autowired
    CurrentAccount current;

    @Autowired
    PasswordChanges changes;

    PasswordSection section;
    String username;

    @BeforeEach
    void logIn() {
        MockVaadin.setup(new Routes().autoDiscoverViews("org.flowfield.security.ui"));
        UUID id = Sessions.signUpAndLogIn(accounts, "acct");
        username = accounts.findById(id).orElseThrow().username();
        AccountView view = new AccountView(current, changes);
        UI.getCurrent().add(view);
        section = view.password;
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    private void submit(String currentPassword, String next, String repeat) {
        section.current.setValue(currentPassword);
        section.next.setValue(next);
        section.repeat.setValue(repeat);
        section.change.click();
    }

    @Test
    void theRightCurrentPasswordChangesItAndTheFieldsEmpty() {
        submit(Sessions.PASSWORD, "my new long password", "my new long password");

        assertThat(section.outcome.getText()).isEqualTo("Password changed.");
        assertThat(section.current.getValue()).isEmpty();
        assertThat(accounts.authenticate(username, "my new long password")).isPresent();
    }

    @Test
    void eachProblemShowsNextToItsFieldAndChangesNothing() {
        submit(Sessions.PASSWORD, "short", "short");
        assertThat(section.next.isInvalid()).isTrue();
        assertThat(section.next.getErrorMessage()).isEqualTo("Password must be at least 8 characters");

        submit(Sessions.PASSWORD, "my new long password", "my other long password");
        assertThat(section.repeat.isInvalid()).isTrue();
        assertThat(section.repeat.getErrorMessage()).isEqualTo("The two passwords differ");

        submit("not my password", "my new long password", "my new long password");
        assertThat(section.current.isInvalid()).isTrue();
        assertThat(section.current.getErrorMessage()).isEqualTo("The current password is wrong");

        assertThat(section.outcome.getText()).isEmpty();
        assertThat(accounts.authenticate(username, Sessions.PASSWORD)).isPresent();
    }
}
