package org.flowfield.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Duration;
import org.flowfield.security.ThrottledException;

/**
 * Log in (Spring Security checks the form), or go to sign-up. After a refused attempt it says
 * why: a wrong username or password ({@code ?error}), or too many attempts and how long to wait
 * ({@code ?throttled=<seconds>}).
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in · Flowfield")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    /** The longest wait the page will word; a larger number in the address is not from this server. */
    private static final long LONGEST_WAIT_SECONDS = Duration.ofDays(7).toSeconds();

    /** The query parameter with the seconds to wait, set by the log-in limit (LoginAttempts). */
    public static final String THROTTLED_PARAMETER = "throttled";

    private final LoginForm form = new LoginForm();

    public LoginView() {
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        add(form, new Anchor("signup", "No account yet? Sign up"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        long wait = query.getSingleParameter(THROTTLED_PARAMETER).map(LoginView::seconds).orElse(0L);
        if (wait > 0) {
            form.showErrorMessage("Too many log-in attempts", "Log-in is paused for this account or your address. Try again in "
                    + ThrottledException.inWords(Duration.ofSeconds(wait)) + ".");
        } else {
            form.setError(query.getParameters().containsKey("error"));
        }
    }

    private static long seconds(String text) {
        try {
            long seconds = Long.parseLong(text);
            return seconds > 0 && seconds <= LONGEST_WAIT_SECONDS ? seconds : 0;
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    LoginForm form() {
        return form;
    }
}
