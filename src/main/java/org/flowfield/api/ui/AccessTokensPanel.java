package org.flowfield.api.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.flowfield.api.tokens.AccessToken;
import org.flowfield.api.tokens.AccessTokenService;
import org.flowfield.api.tokens.InvalidAccessTokenException;
import org.flowfield.api.tokens.NewAccessToken;

/**
 * The user's personal access tokens for the API: their names, when each was created and last
 * used, a revoke button each, and a field to create one. A new token's secret is shown once, right
 * after it is created, and never again. Self-contained, to sit on any account page.
 */
public class AccessTokensPanel extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    final Grid<AccessToken> grid = new Grid<>();
    final TextField name = new TextField("New token");
    final Button create = new Button("Create token");
    final TextField secret = new TextField("Your new token: copy it now, it is not shown again");
    private final AccessTokenService tokens;
    private final UUID ownerId;

    public AccessTokensPanel(AccessTokenService tokens, UUID ownerId) {
        this.tokens = tokens;
        this.ownerId = ownerId;
        grid.addColumn(AccessToken::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(token -> when(token.createdAt())).setHeader("Created");
        grid.addColumn(token -> token.lastUsedAt() == null ? "never" : when(token.lastUsedAt())).setHeader("Last used");
        grid.addComponentColumn(this::revokeButton).setHeader("").setKey("revoke");
        grid.setAllRowsVisible(true);
        name.setMaxLength(AccessTokenService.MAX_NAME_LENGTH);
        name.setPlaceholder("e.g. seed sweep notebook");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> createToken());
        secret.setReadOnly(true);
        secret.setWidth("36em");
        secret.setVisible(false);
        HorizontalLayout creating = new HorizontalLayout(name, create);
        creating.setAlignItems(FlexComponent.Alignment.BASELINE);
        setPadding(false);
        add(new H3("Access tokens"),
                new Paragraph("Scripts and notebooks use the API (/api) with a token: send it as 'Authorization: Bearer <token>'."),
                grid, creating, secret);
        refresh();
    }

    private Button revokeButton(AccessToken token) {
        Button revoke = new Button("Revoke", click -> {
            tokens.revoke(ownerId, token.id());
            secret.setVisible(false);
            refresh();
        });
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return revoke;
    }

    private void createToken() {
        try {
            NewAccessToken created = tokens.create(ownerId, name.getValue());
            name.clear();
            name.setInvalid(false);
            secret.setValue(created.secret());
            secret.setVisible(true);
            refresh();
        } catch (InvalidAccessTokenException e) {
            name.setErrorMessage(e.getMessage());
            name.setInvalid(true);
        }
    }

    private void refresh() {
        grid.setItems(tokens.list(ownerId));
    }

    private static String when(Instant instant) {
        return WHEN.format(instant);
    }
}
