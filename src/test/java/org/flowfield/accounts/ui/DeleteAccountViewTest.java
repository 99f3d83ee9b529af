package org.flowfield.accounts.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.UUID;
import org.flowfield.accounts.AccountDeletion;
import org.flowfield.accounts.AccountService;
import org.flowfield.testing.Sessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/privacy-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4",
    "flowfield.runs.max-stored-per-account=3"
})
class DeleteAccountViewTest {

    @Autowired AccountService accounts;
    @Autowired AccountDeletion deletion;
    @Autowired AuthenticationContext authentication;

    @BeforeEach
    void vaadin() {
        MockVaadin.setup(new Routes().autoDiscoverViews("org.flowfield.accounts.ui"));
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    @Test
    void theAccountGoesOnlyWithItsPasswordAndThePageSaysWhatGoesWithIt() {
        UUID me = Sessions.signUpAndLogIn(accounts, "goodbye");
        DeleteAccountView view = new DeleteAccountView(accounts, deletion, authentication);
        UI.getCurrent().add(view);
        assertThat(view.getElement().getTextRecursively()).contains("every run of yours", "the classes you created",
                "You are logged out everywhere.");

        view.password.setValue("not my password");
        view.delete.click();

        assertThat(view.password.isInvalid()).isTrue();
        assertThat(view.password.getErrorMessage()).isEqualTo("That is not your password; your account was not deleted.");
        assertThat(accounts.findById(me)).isPresent();

        view.password.setValue(Sessions.PASSWORD);
        view.delete.click();

        assertThat(accounts.findById(me)).isEmpty();
    }
}
