package org.flowfield.security.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import org.flowfield.accounts.AccountRules;
import org.flowfield.accounts.AccountValidator;
import org.flowfield.accounts.InvalidAccountException;
import org.flowfield.security.CurrentAccount;
import org.flowfield.security.PasswordChanges;
import org.flowfield.security.ThrottledException;

/** Change the password: the current one, then the new one twice; the service's rules and words. */
class PasswordSection extends VerticalLayout {

    final PasswordField current = new PasswordField("Current password");
    final PasswordField next = new PasswordField("New password");
    final PasswordField repeat = new PasswordField("New password again");
    final Button change = new Button("Change password");
    final Span outcome = new Span();

    PasswordSection(CurrentAccount account, PasswordChanges changes) {
        next.setHelperText("At least " + AccountRules.PASSWORD_MIN + " characters");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        change.addClickListener(click -> submit(account, changes));
        setPadding(false);
        add(new H3("Password"), current, next, repeat, change, outcome);
    }

    private void submit(CurrentAccount account, PasswordChanges changes) {
        current.setInvalid(false);
        next.setInvalid(false);
        repeat.setInvalid(false);
        outcome.setText("");
        AccountValidator.passwordProblem(next.getValue()).ifPresent(message -> invalid(next, message));
        if (!next.isInvalid() && !next.getValue().equals(repeat.getValue())) {
            invalid(repeat, "The two passwords differ");
        }
        if (next.isInvalid() || repeat.isInvalid()) {
            return;
        }
        try {
            changes.change(account.account(), current.getValue(), next.getValue());
            current.clear();
            next.clear();
            repeat.clear();
            outcome.setText("Password changed.");
        } catch (InvalidAccountException e) {
            invalid(AccountRules.CURRENT_PASSWORD_FIELD.equals(e.field()) ? current : next, e.getMessage());
        } catch (ThrottledException e) {
            invalid(current, e.getMessage());
        }
    }

    private static void invalid(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
