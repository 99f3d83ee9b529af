package org.flowfield.security.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.flowfield.security.CurrentAccount;
import org.flowfield.security.PasswordChanges;

/**
 * The logged-in user's own account, one section per concern (each a component of its own, added
 * in the constructor): for now the password.
 */
@Route("account")
@PageTitle("Account · Flowfield")
@PermitAll
public class AccountView extends VerticalLayout {

    final PasswordSection password;

    public AccountView(CurrentAccount current, PasswordChanges changes) {
        password = new PasswordSection(current, changes);
        add(new H2("Your account"), new Paragraph("Logged in as " + current.account().username()), password);
    }
}
