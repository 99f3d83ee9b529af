package org.flowfield.accounts.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.flowfield.accounts.AccountRules;
import org.flowfield.accounts.AccountService;
import org.flowfield.accounts.AccountValidator;
import org.flowfield.accounts.InvalidAccountException;
import org.flowfield.accounts.UsernameTakenException;

/** Create an account; the fields check the same rules the service enforces, with its messages. */
@Route(value = "signup", autoLayout = false)
@PageTitle("Sign up · Flowfield")
@AnonymousAllowed
public class SignUpView extends VerticalLayout {

    final TextField username = new TextField("Username");
    final PasswordField password = new PasswordField("Password");
    final PasswordField repeat = new PasswordField("Password again");
    final Button create = new Button("Create account");

    public SignUpView(AccountService accounts) {
        username.setMaxLength(AccountRules.USERNAME_MAX);
        username.setHelperText(AccountRules.USERNAME_MIN + " to " + AccountRules.USERNAME_MAX + " letters, digits, '.', '_' or '-'");
        password.setHelperText("At least " + AccountRules.PASSWORD_MIN + " characters");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        create.addClickListener(click -> submit(accounts));
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        add(new H2("Sign up for Flowfield"), username, password, repeat, create, new Anchor("login", "Already have an account? Log in"));
    }

    private void submit(AccountService accounts) {
        username.setInvalid(false);
        password.setInvalid(false);
        repeat.setInvalid(false);
        AccountValidator.usernameProblem(username.getValue()).ifPresent(message -> invalid(username, message));
        AccountValidator.passwordProblem(password.getValue()).ifPresent(message -> invalid(password, message));
        if (!password.isInvalid() && !password.getValue().equals(repeat.getValue())) {
            invalid(repeat, "The two passwords differ");
        }
        if (username.isInvalid() || password.isInvalid() || repeat.isInvalid()) {
            return;
        }
        try {
            accounts.signUp(username.getValue(), password.getValue());
            Notification.show("Account created. Log in to start.");
            getUI().ifPresent(ui -> ui.navigate(LoginView.class));
        } catch (UsernameTakenException e) {
            invalid(username, e.getMessage());
        } catch (InvalidAccountException e) {
            invalid(AccountRules.PASSWORD_FIELD.equals(e.field()) ? password : username, e.getMessage());
        }
    }

    private static void invalid(com.vaadin.flow.component.HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
