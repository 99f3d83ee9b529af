package org.flowfield.security.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;

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
 * in the constructor): the password, then the pages for access tokens and for deleting the account.
 */
@Route("account")
@PageTitle("Account · Flowfield")
@PermitAll
public class AccountView extends VerticalLayout {

    final PasswordSection password;

    // by address, not by view class: those pages' features depend on this one
    private static Anchor link(String path, String text) {
        Anchor anchor = new Anchor(path, text);
        anchor.getElement().setAttribute("router-link", true);
        return anchor;
    }

    public AccountView(CurrentAccount current, PasswordChanges changes) {
        password = new PasswordSection(current, changes);
        add(new H2("Your account"), new Paragraph("Logged in as " + current.account().username()), password,
                new H2("Scripts"), new Paragraph(link("account/tokens", "Personal access tokens"),
                        new Text(" let a script or notebook use the JSON API under /api as you.")),
                new H2("Leaving"), new Paragraph(link("account/delete", "Delete your account"),
                        new Text(" with every run, class and file it owns.")));
    }
}
