package org.flowfield.runs.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunNotFoundException;
import org.flowfield.runs.RunSharingService;
import org.flowfield.security.CurrentAccount;

/**
 * A share link, {@code /shared/<token>}: opening it while logged in lets the user see the run
 * (until the link is revoked) and shows its page. A revoked or unknown link shows the same page
 * as a run that does not exist.
 */
@Route("shared/:token")
@PageTitle("Run not found · Flowfield")
@PermitAll
public class SharedLinkView extends VerticalLayout implements BeforeEnterObserver {

    private final RunSharingService sharing;
    private final CurrentAccount current;

    public SharedLinkView(RunSharingService sharing, CurrentAccount current) {
        this.sharing = sharing;
        this.current = current;
    }

    static String path(String token) {
        return "/shared/" + token;
    }

    /** The link as a user copies it: the server's address as the browser reached it, and the path. */
    static String address(String token) {
        try {
            return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                    .path(path(token)).toUriString();
        } catch (IllegalStateException noRequest) {
            return path(token);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        open(event.getRouteParameters().get("token").orElse(""))
                .ifPresent(run -> event.forwardTo(RunView.class, new RouteParameters("runId", run.id().toString())));
    }

    /** Opens the link: the run it shares, or empty with the "not found" page shown. */
    Optional<Run> open(String token) {
        try {
            return Optional.of(sharing.openLink(current.id(), token));
        } catch (RunNotFoundException e) {
            showNotFound();
            return Optional.empty();
        }
    }

    void showNotFound() {
        removeAll();
        add(new H2(RunView.NOT_FOUND), new Paragraph(RunView.NOT_FOUND_TEXT));
    }
}
