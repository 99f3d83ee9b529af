package org.flowfield.runs.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowfield.datasets.UserDataSets;
import org.flowfield.queue.QueueFullException;
import org.flowfield.runs.StorageQuotaExceededException;
import org.flowfield.runs.RunNotFoundException;
import org.flowfield.runs.RunService;
import org.flowfield.runs.RunSharingService;
import org.flowfield.runs.settings.InvalidRunSettingsException;
import org.flowfield.security.CurrentAccount;

/**
 * Configure a run and queue it on the shared device. With {@code ?fork=<run id>} the form starts
 * from the settings of a run the user can see.
 */
@Route("runs/new")
@PageTitle("New run · Flowfield")
@PermitAll
public class NewRunView extends VerticalLayout implements BeforeEnterObserver {

    static final String FORK_PARAMETER = "fork";

    final RunSettingsForm form = new RunSettingsForm();
    final H2 heading = new H2("New run");
    private final RunSharingService sharing;
    private final CurrentAccount current;

    public NewRunView(RunService runs, RunSharingService sharing, UserDataSets dataSets, CurrentAccount current) {
        this.sharing = sharing;
        this.current = current;
        Map<String, String> mine = new LinkedHashMap<>();
        dataSets.listMine(current.id()).forEach(dataSet -> mine.put(dataSet.id().toString(), dataSet.name()));
        form.offerOwnDataSets(mine);
        form.addSubmitListener(submit -> {
            try {
                Notification.show("Queued “" + runs.queue(current.id(), submit.settings()).name() + "”");
                getUI().ifPresent(ui -> ui.navigate(RunsView.class));
            } catch (InvalidRunSettingsException e) {
                form.show(e.errors());
            } catch (QueueFullException | StorageQuotaExceededException e) {
                Notification.show(e.getMessage());
            }
        });
        add(heading, form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> fork = event.getLocation().getQueryParameters().getParameters().getOrDefault(FORK_PARAMETER, List.of());
        if (!fork.isEmpty()) {
            startFrom(fork.getFirst());
        }
    }

    /** Starts the form from the settings of the run with this id, if the user may see it. */
    void startFrom(String runIdText) {
        try {
            form.load(sharing.forkSettings(current.id(), UUID.fromString(runIdText)));
            heading.setText("Fork a run");
        } catch (RunNotFoundException | IllegalArgumentException e) {
            Notification.show(RunView.NOT_FOUND + ": the form starts from the exercise's defaults.");
        }
    }
}
