package org.flowfield.signup.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import java.util.UUID;
import org.flowfield.accounts.AccountService;
import org.flowfield.security.ui.LoginView;
import org.flowfield.signup.SignUpService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/signup-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4"
})
class SignUpViewTest {

    @Autowired
    AccountService accounts;

    @Autowired
    SignUpService signUps;

    SignUpView view;

    @BeforeEach
    void vaadin() {
        MockVaadin.setup(new Routes().autoDiscoverViews("org.flowfield.security.ui"));
        view = new SignUpView(signUps);
        UI.getCurrent().add(view);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void invalidEntriesShowTheServicesMessagesNextToTheirFieldsAndStoreNothing() {
        view.username.setValue("ab");
        view.password.setValue("short");
        view.create.click();

        assertThat(view.username.isInvalid()).isTrue();
        assertThat(view.username.getErrorMessage()).isEqualTo("Username must be 3 to 40 characters");
        assertThat(view.password.isInvalid()).isTrue();
        assertThat(view.password.getErrorMessage()).isEqualTo("Password must be at least 8 characters");
        assertThat(accounts.findByUsername("ab")).isEmpty();
    }

    @Test
    void differingPasswordsAreCaughtBeforeAnythingIsStored() {
        String name = "user-" + UUID.randomUUID().toString().substring(0, 6);
        view.username.setValue(name);
        view.password.setValue("a long password");
        view.repeat.setValue("another long password");
        view.create.click();

        assertThat(view.repeat.isInvalid()).isTrue();
        assertThat(view.repeat.getErrorMessage()).isEqualTo("The two passwords differ");
        assertThat(accounts.findByUsername(name)).isEmpty();
    }

    @Test
    void aValidSignUpCreatesTheAccountAndOpensTheLogInPage() {
        String name = "user-" + UUID.randomUUID().toString().substring(0, 6);
        view.username.setValue(name);
        view.password.setValue("a long password");
        view.repeat.setValue("a long password");
        view.create.click();

        assertThat(accounts.authenticate(name, "a long password")).isPresent();
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);
    }

    @Test
    void aTakenUsernameIsReportedOnTheUsernameField() {
        String name = "taken-" + UUID.randomUUID().toString().substring(0, 6);
        accounts.signUp(name, "a long password");
        view.username.setValue(name.toUpperCase());
        view.password.setValue("a long password");
        view.repeat.setValue("a long password");
        view.create.click();

        assertThat(view.username.isInvalid()).isTrue();
        assertThat(view.username.getErrorMessage()).isEqualTo("The username '" + name.toUpperCase() + "' is taken");
    }
}
