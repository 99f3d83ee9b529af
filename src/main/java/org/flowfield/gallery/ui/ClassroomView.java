package org.flowfield.gallery.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.flowfield.accounts.Account;
import org.flowfield.accounts.AccountService;
import org.flowfield.classrooms.Classroom;
import org.flowfield.classrooms.ClassroomNotFoundException;
import org.flowfield.classrooms.ClassroomService;
import org.flowfield.queue.QueuePosition;
import org.flowfield.runs.ClassroomRunsService;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunService;
import org.flowfield.runs.RunStatus;
import org.flowfield.runs.ui.RunView;
import org.flowfield.security.CurrentAccount;

/**
 * A class: the gallery of runs its members shared with it (final samples and figures, sortable
 * by each figure), and for its instructor every student's runs with their status, and where the
 * students' waiting runs stand in the shared queue. A class the user is not in shows the same
 * page as one that does not exist.
 */
@Route("classes/:classroomId")
@PermitAll
public class ClassroomView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String NOT_FOUND = "Class not found";

    private final ClassroomService classrooms;
    private final ClassroomRunsService classroomRuns;
    private final RunService runs;
    private final AccountService accounts;
    private final CurrentAccount current;
    private final Map<UUID, String> usernames = new HashMap<>();
    private String title = NOT_FOUND;
    Grid<Run> gallery;
    Grid<Run> studentRuns;
    Grid<Run> queue;

    public ClassroomView(ClassroomService classrooms, ClassroomRunsService classroomRuns, RunService runs,
            AccountService accounts, CurrentAccount current) {
        this.classrooms = classrooms;
        this.classroomRuns = classroomRuns;
        this.runs = runs;
        this.accounts = accounts;
        this.current = current;
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(event.getRouteParameters().get("classroomId").orElse(""));
    }

    @Override
    public String getPageTitle() {
        return title + " · Flowfield";
    }

    /** Shows the class with this id (as the address gives it), or "not found". */
    public void show(String classroomIdText) {
        removeAll();
        gallery = null;
        studentRuns = null;
        queue = null;
        try {
            UUID classroomId = UUID.fromString(classroomIdText);
            showClassroom(classrooms.find(current.id(), classroomId));
        } catch (IllegalArgumentException | ClassroomNotFoundException e) {
            removeAll();
            title = NOT_FOUND;
            add(new H2(NOT_FOUND), new Paragraph("There is no class with this address that you are in."));
        }
    }

    private void showClassroom(Classroom classroom) {
        UUID me = current.id();
        title = classroom.name();
        add(new H2(classroom.name()));
        if (classroom.instructedBy(me)) {
            Span invite = new Span("Invite code: " + classroom.inviteCode() + " · members: "
                    + classrooms.members(me, classroom.id()).size());
            invite.addClassName("invite-code");
            add(invite);
        }
        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        gallery = runGrid(true);
        gallery.setItems(classroomRuns.gallery(me, classroom.id()));
        gallery.sort(List.of(new GridSortOrder<>(gallery.getColumnByKey("nll"), SortDirection.ASCENDING)));
        tabs.add("Gallery", gallery);
        if (classroom.instructedBy(me)) {
            studentRuns = runGrid(false);
            studentRuns.setItems(classroomRuns.studentRuns(me, classroom.id()));
            tabs.add("Students' runs", studentRuns);
            queue = queueGrid(classroom);
            tabs.add("Queue", queue);
        }
        add(tabs);
    }

    private Grid<Run> runGrid(boolean thumbnails) {
        Grid<Run> grid = new Grid<>();
        if (thumbnails) {
            grid.addComponentColumn(this::thumbnail).setHeader("Final samples").setKey("thumbnail").setWidth("180px").setFlexGrow(0);
        }
        grid.addColumn(Run::name).setHeader("Run").setFlexGrow(2).setSortable(true);
        grid.addColumn(run -> username(run.ownerId())).setHeader("Student").setSortable(true);
        grid.addColumn(run -> run.config().family().title()).setHeader("Model").setSortable(true);
        grid.addColumn(run -> run.status().name().toLowerCase(Locale.ROOT)).setHeader("Status").setSortable(true);
        grid.addColumn(run -> String.format(Locale.ROOT, "%.0f%%", 100 * run.fractionDone())).setHeader("Progress");
        grid.addColumn(run -> figure(run, "%.3f", run.figures() == null ? 0 : run.figures().heldOutNll()))
                .setHeader("Held-out NLL").setKey("nll").setComparator(byFigure(run -> run.figures().heldOutNll()));
        grid.addColumn(run -> figure(run, "%.3f", run.figures() == null ? 0 : run.figures().inRingFraction()))
                .setHeader("In-ring").setKey("inRing").setComparator(byFigure(run -> run.figures().inRingFraction()));
        grid.addColumn(run -> figure(run, "%.4f", run.figures() == null ? 0 : run.figures().slicedW2()))
                .setHeader("Sliced W2").setKey("w2").setComparator(byFigure(run -> run.figures().slicedW2()));
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(RunView.class,
                new RouteParameters("runId", click.getItem().id().toString()))));
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Grid<Run> queueGrid(Classroom classroom) {
        Map<UUID, Integer> positions = classroomRuns.queuePositions(current.id(), classroom.id());
        List<Run> waiting = classroomRuns.studentRuns(current.id(), classroom.id()).stream()
                .filter(run -> run.status() == RunStatus.QUEUED || run.status() == RunStatus.RUNNING)
                .sorted(Comparator.comparing((Run run) -> run.status() == RunStatus.QUEUED)
                        .thenComparing(run -> run.packId() == null ? "" : run.packId().toString())
                        .thenComparing(run -> positions.getOrDefault(run.id(), 0)))
                .toList();
        Map<UUID, Integer> packNumbers = new java.util.LinkedHashMap<>();
        waiting.stream().map(Run::packId).filter(java.util.Objects::nonNull).forEach(id -> packNumbers.putIfAbsent(id, packNumbers.size() + 1));
        Grid<Run> grid = new Grid<>();
        grid.addColumn(run -> run.status() == RunStatus.RUNNING ? "training"
                : QueuePosition.inLine(positions.getOrDefault(run.id(), 0))).setHeader("Place");
        grid.addColumn(run -> run.packId() == null ? "" : "pack " + packNumbers.get(run.packId()) + " (" + run.whereItTrains() + ")")
                .setHeader("Pack").setFlexGrow(2);
        grid.addColumn(run -> username(run.ownerId())).setHeader("Student");
        grid.addColumn(Run::name).setHeader("Run").setFlexGrow(2);
        grid.addColumn(run -> run.config().family().title()).setHeader("Model");
        grid.setItems(waiting);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static Comparator<Run> byFigure(java.util.function.ToDoubleFunction<Run> figure) {
        return Comparator.comparing((Run run) -> run.figures() == null)
                .thenComparingDouble(run -> run.figures() == null ? 0 : figure.applyAsDouble(run));
    }

    private static String figure(Run run, String format, double value) {
        return run.figures() == null ? "" : String.format(Locale.ROOT, format, value);
    }

    private Component thumbnail(Run run) {
        if (run.status() != RunStatus.FINISHED) {
            return new Span();
        }
        return runs.snapshot(current.id(), run.id(), run.config().epochs() - 1)
                .<Component>map(RunThumbnail::of)
                .orElseGet(() -> new Span("samples missing"));
    }

    private String username(UUID accountId) {
        return usernames.computeIfAbsent(accountId, id -> accounts.findById(id).map(Account::username).orElse("?"));
    }
}
