package org.flowfield.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.util.UUID;
import org.flowfield.accounts.AccountService;
import org.flowfield.api.tokens.AccessToken;
import org.flowfield.api.tokens.AccessTokenService;
import org.flowfield.security.CurrentAccount;
import org.flowfield.testing.Sessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;

/** The access tokens panel: a new token is shown once, works, and stops working when revoked. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/admin-view-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4",
    "flowfield.admin.accounts=view-admin"
})
class AccessTokensPanelTest {

    @Autowired AccessTokenService tokens;
    @Autowired AccountService accounts;
    @Autowired CurrentAccount current;

    @BeforeEach
    void vaadin() {
        MockVaadin.setup(new Routes().autoDiscoverViews("org.flowfield.api.ui"));
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aTokenIsCreatedShownOnceUsedAndRevoked() {
        UUID me = Sessions.signUpAndLogIn(accounts, "scripter");
        AccessTokensView view = new AccessTokensView(tokens, current);
        UI.getCurrent().add(view);
        AccessTokensPanel panel = view.panel;
        assertThat(GridKt._findAll(panel.grid)).isEmpty();
        assertThat(panel.secret.isVisible()).isFalse();

        LocatorJ._setValue(panel.name, "   ");
        LocatorJ._click(panel.create);
        assertThat(panel.name.isInvalid()).isTrue();
        assertThat(panel.name.getErrorMessage()).isEqualTo("Token name is required");

        LocatorJ._setValue(panel.name, "seed sweep <b>notebook</b>");
        LocatorJ._click(panel.create);

        String secret = panel.secret.getValue();
        assertThat(panel.secret.isVisible()).isTrue();
        assertThat(secret).startsWith(AccessTokenService.SECRET_PREFIX).hasSize(AccessTokenService.SECRET_PREFIX.length() + 43);
        assertThat(GridKt._getFormattedRow(panel.grid, 0)).contains("seed sweep <b>notebook</b>", "never");
        assertThat(tokens.authenticate(secret)).map(account -> account.id()).contains(me);
        assertThat(tokens.list(me)).extracting(AccessToken::lastUsedAt).doesNotContainNull();

        LocatorJ._click((Button) GridKt._getCellComponent(panel.grid, 0, "revoke"));

        assertThat(GridKt._findAll(panel.grid)).isEmpty();
        assertThat(panel.secret.isVisible()).as("the secret is shown once").isFalse();
        assertThat(tokens.authenticate(secret)).isEmpty();
    }
}
