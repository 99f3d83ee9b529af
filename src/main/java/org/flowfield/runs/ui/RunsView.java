package org.flowfield.runs.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.QueryParameters;
import java.util.Set;
import java.util.stream.Collectors;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.flowfield.accounts.Account;
import org.flowfield.accounts.AccountService;
import org.flowfield.runs.Paging;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunService;
import org.flowfield.runs.live.FrameMailbox;
import org.flowfield.runs.live.RunUpdates;
import org.flowfield.runs.settings.RunSettingsSchema;
import org.flowfield.security.CurrentAccount;

/**
 * The user's runs, the runs others shared with them, and the reference runs, with status, family, key settings, figures and
 * progress, a page at a time. The list follows the user's unfinished runs live; a click opens a run.
 */
@Route("")
@PageTitle("Runs · Flowfield")
@PermitAll
public class RunsView extends VerticalLayout {

    /** The list redraws at most this often while runs train, however fast their updates come. */
    static final int REFRESH_PAUSE_MS = 500;

    final Grid<Run> grid = new Grid<>();
    final Button compare = new Button("Compare");
    private final RunService runs;
    private final CurrentAccount current;
    private final Map<UUID, RunUpdates.Subscription> watched = new HashMap<>();
    private FrameMailbox<Boolean> refreshes;

    public RunsView(RunService runs, CurrentAccount current, AccountService accounts) {
        this.runs = runs;
        this.current = current;
        // widths in rem: an em is the cell's own font size, smaller in the header row than in the
        // body, so em columns came apart from their headers
        grid.addColumn(Run::name).setHeader("Name").setWidth("11rem").setFlexGrow(4).setTooltipGenerator(Run::name);
        Map<UUID, String> owners = new HashMap<>();
        ValueProvider<Run, String> owner = run -> run.ownerId().equals(current.id()) ? "you"
                : owners.computeIfAbsent(run.ownerId(), id -> accounts.findById(id).map(Account::username).orElse(""));
        // a username may be 40 characters long: the column keeps its width and the cell shows the rest on hover
        grid.addColumn(owner).setHeader("Owner").setWidth("6rem").setFlexGrow(1).setTooltipGenerator(owner);
        grid.addColumn(run -> run.config().family().title()).setHeader("Model").setWidth("10rem").setFlexGrow(1)
                .setTooltipGenerator(run -> run.config().family().title());
        grid.addColumn(Run::statusLabel).setHeader("Status").setWidth("10.5rem").setFlexGrow(0);
        grid.addColumn(Run::whereItTrains).setHeader("Where").setWidth("11rem").setFlexGrow(0).setTooltipGenerator(Run::whereItTrains);
        grid.addColumn(RunsView::settingsSummary).setHeader("Settings").setWidth("9.5rem").setFlexGrow(2)
                .setTooltipGenerator(RunsView::settingsSummary);
        grid.addColumn(run -> String.format(Locale.ROOT, "%.0f%%", 100 * run.fractionDone())).setHeader("Progress").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(run -> run.figures() == null ? "" : String.format(Locale.ROOT, "%.3f", run.figures().heldOutNll()))
                .setHeader("Held-out NLL").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(run -> run.figures() == null ? "" : String.format(Locale.ROOT, "%.3f", run.figures().inRingFraction()))
                .setHeader("In-ring").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(run -> run.figures() == null ? "" : String.format(Locale.ROOT, "%.4f", run.figures().slicedW2()))
                .setHeader("Sliced W2").setAutoWidth(true).setFlexGrow(0);
        grid.addItemClickListener(click -> open(click.getItem()));
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.setPageSize(Paging.PAGE_SIZE);
        UUID me = current.id();
        grid.setItems(query -> runs.listVisible(me, query.getOffset(), query.getLimit()).stream(), query -> runs.countVisible(me))
                .setIdentifierProvider(Run::id);
        setSizeFull();
        Button newRun = new Button("New run", click -> getUI().ifPresent(ui -> ui.navigate(NewRunView.class)));
        newRun.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        compare.setEnabled(false);
        compare.setTooltipText("Tick " + COMPARE_MIN + " to " + COMPARE_MAX + " runs to open them side by side");
        compare.addClickListener(click -> getUI().ifPresent(ui -> ui.navigate(COMPARE_ROUTE, compareParameters())));
        grid.addSelectionListener(selection -> {
            int count = selection.getAllSelectedItems().size();
            compare.setEnabled(count >= COMPARE_MIN && count <= COMPARE_MAX);
            compare.setText(count == 0 ? "Compare" : "Compare " + count);
        });
        add(new H2("Runs"), new HorizontalLayout(newRun, compare), grid);
    }

    /** The compare page's address and query parameter (by name: the runs feature knows nothing of the compare feature's classes). */
    static final String COMPARE_ROUTE = "compare";
    static final int COMPARE_MIN = 2;
    static final int COMPARE_MAX = 4;

    /** {@code runs=<id>,<id>,…} of the ticked runs, in the order they were ticked. */
    QueryParameters compareParameters() {
        String ids = grid.getSelectedItems().stream().map(run -> run.id().toString()).collect(Collectors.joining(","));
        return QueryParameters.simple(Map.of("runs", ids));
    }

    private void open(Run run) {
        getUI().ifPresent(ui -> ui.navigate(RunView.class, new RouteParameters("runId", run.id().toString())));
    }


    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        refreshes = new FrameMailbox<>(signal -> ui.access(this::refresh));
        refresh();
    }

    /** Reloads the list, follows runs that are not finished yet, and lets the next refresh come after a pause. */
    private void refresh() {
        grid.getDataProvider().refreshAll();
        UUID viewer = current.id();
        List<Run> unfinished = runs.listUnfinished(viewer);
        FrameMailbox<Boolean> mailbox = refreshes;
        for (Run run : unfinished) {
            if (!watched.containsKey(run.id())) {
                watched.put(run.id(), runs.watch(viewer, run.id(), update -> mailbox.offer(Boolean.TRUE)));
            }
        }
        watched.entrySet().removeIf(entry -> {
            boolean ended = unfinished.stream().noneMatch(run -> run.id().equals(entry.getKey()));
            if (ended) {
                entry.getValue().close();
            }
            return ended;
        });
        getElement().executeJs("return new Promise(resolve => setTimeout(resolve, $0))", REFRESH_PAUSE_MS)
                .then(ignored -> mailbox.acknowledge(), error -> mailbox.acknowledge());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        watched.values().forEach(RunUpdates.Subscription::close);
        watched.clear();
    }

    private static String settingsSummary(Run run) {
        return RunSettingsSchema.LIST_SUMMARY.stream().map(setting -> RunSettingsSchema.summarized(setting, run.config()))
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
