package org.flowfield.signup.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.flowfield.accounts.AccountRules;
import org.flowfield.accounts.AccountValidator;
import org.flowfield.accounts.InvalidAccountException;
import org.flowfield.accounts.UsernameTakenException;
import org.flowfield.classrooms.ClassroomService;
import org.flowfield.classrooms.InvalidClassroomException;
import org.flowfield.security.ThrottledException;
import org.flowfield.signup.SignUpMode;
import org.flowfield.signup.SignUpService;

/**
 * Create an account; the fields check the same rules the service enforces, with its messages.
 * The invite code is required or optional as the server's {@link SignUpMode} says.
 */
@Route(value = "signup", autoLayout = false)
@PageTitle("Sign up · Flowfield")
@AnonymousAllowed
public class SignUpView extends VerticalLayout {

    final TextField username = new TextField("Username");
    final PasswordField password = new PasswordField("Password");
    final PasswordField repeat = new PasswordField("Password again");
    final TextField inviteCode = new TextField();
    final Button create = new Button("Create account");
    /** Why the server refused, when no one field is to blame (too many sign-ups). */
    final Span refusal = new Span();

    public SignUpView(SignUpService signUps) {
        username.setMaxLength(AccountRules.USERNAME_MAX);
        username.setHelperText(AccountRules.USERNAME_MIN + " to " + AccountRules.USERNAME_MAX + " letters, digits, '.', '_' or '-'");
        password.setHelperText("At least " + AccountRules.PASSWORD_MIN + " characters");
        boolean required = signUps.mode() == SignUpMode.INVITE;
        inviteCode.setLabel(required ? "Invite code" : "Invite code (optional)");
        inviteCode.setHelperText(required ? "From your instructor" : "Joins your class");
        inviteCode.setPlaceholder("XXXX-XXXX-XXXX-XXXX");
        inviteCode.setMaxLength(ClassroomService.MAX_INVITE_CODE_LENGTH);
        refusal.getStyle().set("color", "var(--lumo-error-text-color)");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        create.addClickListener(click -> submit(signUps));
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        add(new H2("Sign up for Flowfield"), username, password, repeat, inviteCode, refusal, create,
                new Anchor("login", "Already have an account? Log in"));
    }

    private void submit(SignUpService signUps) {
        username.setInvalid(false);
        password.setInvalid(false);
        repeat.setInvalid(false);
        inviteCode.setInvalid(false);
        refusal.setText("");
        AccountValidator.usernameProblem(username.getValue()).ifPresent(message -> invalid(username, message));
        AccountValidator.passwordProblem(password.getValue()).ifPresent(message -> invalid(password, message));
        if (!password.isInvalid() && !password.getValue().equals(repeat.getValue())) {
            invalid(repeat, "The two passwords differ");
        }
        if (username.isInvalid() || password.isInvalid() || repeat.isInvalid()) {
            return;
        }
        try {
            signUps.signUp(username.getValue(), password.getValue(), inviteCode.getValue(), VaadinRequest.getCurrent().getRemoteAddr());
            Notification.show("Account created. Log in to start.");
            getUI().ifPresent(ui -> ui.navigate("login"));
        } catch (UsernameTakenException e) {
            invalid(username, e.getMessage());
        } catch (InvalidAccountException e) {
            invalid(AccountRules.PASSWORD_FIELD.equals(e.field()) ? password : username, e.getMessage());
        } catch (InvalidClassroomException e) {
            invalid(inviteCode, e.getMessage());
        } catch (ThrottledException e) {
            refusal.setText(e.getMessage());
        }
    }

    private static void invalid(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
