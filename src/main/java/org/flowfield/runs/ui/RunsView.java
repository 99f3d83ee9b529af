package org.flowfield.runs.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunService;
import org.flowfield.security.CurrentAccount;

/** The user's runs and the reference runs, with status, family, key settings, figures and progress. */
@Route("")
@PageTitle("Runs · Flowfield")
@PermitAll
public class RunsView extends VerticalLayout {

    final Grid<Run> grid = new Grid<>();

    public RunsView(RunService runs, CurrentAccount current) {
        grid.addColumn(Run::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(run -> run.config().family().title()).setHeader("Model");
        grid.addColumn(run -> run.status().name().toLowerCase(Locale.ROOT)).setHeader("Status");
        grid.addColumn(run -> String.format(Locale.ROOT, "%,d points, %d epochs, seed %d",
                run.config().points(), run.config().epochs(), run.config().seed())).setHeader("Settings").setFlexGrow(2);
        grid.addColumn(run -> String.format(Locale.ROOT, "%.0f%%", 100 * run.fractionDone())).setHeader("Progress");
        grid.addColumn(run -> run.figures() == null ? "" : String.format(Locale.ROOT, "%.3f", run.figures().heldOutNll()))
                .setHeader("Held-out NLL");
        grid.addColumn(run -> run.figures() == null ? "" : String.format(Locale.ROOT, "%.3f", run.figures().inRingFraction()))
                .setHeader("In-ring");
        grid.addColumn(run -> run.figures() == null ? "" : String.format(Locale.ROOT, "%.4f", run.figures().slicedW2()))
                .setHeader("Sliced W2");
        List<Run> shown = new ArrayList<>(runs.listOwn(current.id()));
        shown.addAll(runs.listReference());
        grid.setItems(shown);
        setSizeFull();
        add(new H2("Runs"), new com.vaadin.flow.component.button.Button("New run",
                click -> getUI().ifPresent(ui -> ui.navigate(NewRunView.class))), grid);
    }
}
