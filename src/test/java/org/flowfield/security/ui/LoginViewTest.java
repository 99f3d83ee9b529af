package org.flowfield.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the log-in page says after a refused attempt. */
class LoginViewTest {

    @BeforeEach
    void vaadin() {
        MockVaadin.setup(new Routes().autoDiscoverViews("org.flowfield.security.ui"));
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private LoginView open(QueryParameters query) {
        UI.getCurrent().navigate("login", query);
        return (LoginView) UI.getCurrent().getCurrentView();
    }

    private static String i18n(LoginView view) {
        return view.form().getElement().getPropertyRaw("i18n").toString();
    }

    @Test
    void aThrottledAttemptSaysHowLongToWait() {
        LoginView view = open(QueryParameters.of(LoginView.THROTTLED_PARAMETER, "125"));

        assertThat(view.form().isError()).isTrue();
        assertThat(i18n(view)).contains("Too many log-in attempts").contains("Try again in 3 minutes.");
    }

    @Test
    void aWrongPasswordSaysSoAndAForgedWaitIsIgnored() {
        assertThat(open(QueryParameters.of("error", "")).form().isError()).isTrue();
        LoginView forged = open(QueryParameters.of(LoginView.THROTTLED_PARAMETER, "99999999999"));

        assertThat(forged.form().isError()).isFalse();
        assertThat(open(QueryParameters.empty()).form().isError()).isFalse();
    }
}
