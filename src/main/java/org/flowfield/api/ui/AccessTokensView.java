package org.flowfield.api.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.flowfield.api.tokens.AccessTokenService;
import org.flowfield.security.CurrentAccount;

/** The logged-in user's access tokens for the API, on a page of their own. */
@Route("account/tokens")
@PageTitle("Access tokens · Flowfield")
@PermitAll
public class AccessTokensView extends VerticalLayout {

    final AccessTokensPanel panel;

    public AccessTokensView(AccessTokenService tokens, CurrentAccount current) {
        panel = new AccessTokensPanel(tokens, current.id());
        add(new H2("API access"), panel);
    }
}
