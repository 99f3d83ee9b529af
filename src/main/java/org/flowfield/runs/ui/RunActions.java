package org.flowfield.runs.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowfield.accounts.AccountService;
import org.flowfield.classrooms.ClassroomService;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunSharingService;
import org.flowfield.security.PublicUrl;

/**
 * What a viewer can do with a run besides watching it: fork it (anyone who sees it), and change
 * how it is shared (its owner).
 */
@org.springframework.stereotype.Component
public class RunActions {

    private final RunSharingService sharing;
    private final ClassroomService classrooms;
    private final PublicUrl publicUrl;

    public RunActions(RunSharingService sharing, ClassroomService classrooms, PublicUrl publicUrl) {
        this.sharing = sharing;
        this.classrooms = classrooms;
        this.publicUrl = publicUrl;
    }

    /** The buttons for this run and viewer. */
    HorizontalLayout forRun(Run run, UUID viewerId) {
        Button fork = new Button("Fork", click -> click.getSource().getUI().ifPresent(ui -> ui.navigate("runs/new",
                new QueryParameters(Map.of(NewRunView.FORK_PARAMETER, List.of(run.id().toString()))))));
        fork.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        fork.setTooltipText("A new run of your own with these settings, which you can change before queuing");
        HorizontalLayout actions = new HorizontalLayout(fork);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.addClassName("run-actions");
        if (run.ownerId().equals(viewerId) && !run.ownerId().equals(AccountService.REFERENCE_ACCOUNT_ID)) {
            SharingPanel panel = new SharingPanel(sharing, classrooms, publicUrl, run.id(), viewerId);
            actions.add(panel);
        }
        return actions;
    }
}
