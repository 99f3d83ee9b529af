package org.flowfield.runs.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.flowfield.queue.QueueFullException;
import org.flowfield.runs.RunService;
import org.flowfield.runs.settings.InvalidRunSettingsException;
import org.flowfield.security.CurrentAccount;

/** Configure a run and queue it on the shared device. */
@Route("runs/new")
@PageTitle("New run · Flowfield")
@PermitAll
public class NewRunView extends VerticalLayout {

    final RunSettingsForm form = new RunSettingsForm();

    public NewRunView(RunService runs, CurrentAccount current) {
        form.addSubmitListener(submit -> {
            try {
                runs.queue(current.id(), submit.settings());
                Notification.show("Queued “" + submit.settings().getName().strip() + "”");
                getUI().ifPresent(ui -> ui.navigate(RunsView.class));
            } catch (InvalidRunSettingsException e) {
                form.show(e.errors());
            } catch (QueueFullException e) {
                Notification.show(e.getMessage());
            }
        });
        add(new H2("New run"), form);
    }
}
