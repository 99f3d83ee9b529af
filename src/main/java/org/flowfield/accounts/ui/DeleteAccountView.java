package org.flowfield.accounts.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.flowfield.accounts.AccountDeletion;
import org.flowfield.accounts.AccountService;
import org.flowfield.accounts.WrongPasswordException;

/**
 * Deleting one's own account, confirmed with its password: the page lists what goes with it; once
 * deleted, every session of the account ends and this browser goes to the log-in page.
 */
@Route("account/delete")
@PageTitle("Delete account · Flowfield")
@PermitAll
public class DeleteAccountView extends VerticalLayout {

    static final String AFTER_DELETION = "login";

    final PasswordField password = new PasswordField("Your password");
    final Button delete = new Button("Delete my account");
    private final AccountService accounts;
    private final AccountDeletion deletion;
    private final AuthenticationContext authentication;

    public DeleteAccountView(AccountService accounts, AccountDeletion deletion, AuthenticationContext authentication) {
        this.accounts = accounts;
        this.deletion = deletion;
        this.authentication = authentication;
        UnorderedList goes = new UnorderedList(
                new ListItem("every run of yours, queued or training ones cancelled first, with its files;"),
                new ListItem("the classes you created: their students stay, with their runs, but the class is gone and "
                        + "whatever they shared with it is private again;"),
                new ListItem("your place in other classes, and what you shared with them;"),
                new ListItem("the points you chose for the questions, and the share links you opened."));
        password.setRevealButtonVisible(false);
        delete.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        delete.addClickListener(click -> deleteAccount());
        add(new H2("Delete your account"), new Paragraph("This cannot be undone. With your account goes:"), goes,
                new Paragraph("You are logged out everywhere."), password, delete);
    }

    private void deleteAccount() {
        String username = authentication.getPrincipalName().orElseThrow(() -> new IllegalStateException("no user is logged in"));
        try {
            deletion.delete(accounts.findByUsername(username).orElseThrow().id(), password.getValue());
        } catch (WrongPasswordException e) {
            password.setErrorMessage(e.getMessage());
            password.setInvalid(true);
            return;
        }
        UI.getCurrent().getPage().setLocation(AFTER_DELETION);
    }
}
