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
import org.flowfield.runs.RunDeletion;
import org.flowfield.runs.RunNotFoundException;
import org.flowfield.ui.Confirmation;
import org.flowfield.runs.RunSharingService;
import org.flowfield.security.PublicUrl;

/**
 * What a viewer can do with a run besides watching it: fork it (anyone who sees it), change how it
 * is shared and delete it (its owner).
 */
@org.springframework.stereotype.Component
public class RunActions {

    private final RunSharingService sharing;
    private final ClassroomService classrooms;
    private final RunDeletion deletion;
    private final PublicUrl publicUrl;

    public RunActions(RunSharingService sharing, ClassroomService classrooms, RunDeletion deletion, PublicUrl publicUrl) {
        this.sharing = sharing;
        this.classrooms = classrooms;
        this.deletion = deletion;
        this.publicUrl = publicUrl;
    }

    /** The buttons for this run and viewer, without deletion. */
    HorizontalLayout forRun(Run run, UUID viewerId) {
        return forRun(run, viewerId, null);
    }

    /**
     * The buttons for this run and viewer.
     *
     * @param onDeleted what the page does once its owner deleted the run; null: no delete button
     */
    HorizontalLayout forRun(Run run, UUID viewerId, Runnable onDeleted) {
        Button fork = new Button("Fork", click -> click.getSource().getUI().ifPresent(ui -> ui.navigate("runs/new",
                new QueryParameters(Map.of(NewRunView.FORK_PARAMETER, List.of(run.id().toString()))))));
        fork.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        fork.setTooltipText("A new run of your own with these settings, which you can change before queuing");
        HorizontalLayout actions = new HorizontalLayout(fork);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.addClassName("run-actions");
        if (run.ownerId().equals(viewerId) && !run.ownerId().equals(AccountService.REFERENCE_ACCOUNT_ID)) {
            actions.add(new SharingPanel(sharing, classrooms, publicUrl, run.id(), viewerId));
            if (onDeleted != null) {
                Button delete = new Button(DELETE, click -> confirmDeletion(run, viewerId, onDeleted));
                delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                delete.addClassName("delete-run");
                actions.add(delete);
            }
        }
        return actions;
    }

    static final String DELETE = "Delete run";

    private void confirmDeletion(Run run, UUID ownerId, Runnable onDeleted) {
        Confirmation.ask("Delete “" + run.name() + "”?", "Its settings, training record, samples and final model are removed "
                + "for good, and whoever you shared it with no longer sees it."
                + (run.status().terminal() ? "" : " It is cancelled first."), DELETE, () -> {
                    try {
                        deletion.delete(ownerId, run.id());
                    } catch (RunNotFoundException alreadyGone) {
                        // deleted meanwhile, in another tab: gone either way
                    }
                    onDeleted.run();
                });
    }
}
