package org.flowfield.gallery.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.flowfield.accounts.Account;
import org.flowfield.accounts.AccountService;
import org.flowfield.classrooms.Classroom;
import org.flowfield.classrooms.ClassroomMember;
import org.flowfield.classrooms.ClassroomNotFoundException;
import org.flowfield.classrooms.ClassroomService;
import org.flowfield.classrooms.InvalidClassroomException;
import org.flowfield.queue.QueuePosition;
import org.flowfield.runs.ClassQueueEntry;
import org.flowfield.runs.ClassroomRunsService;
import org.flowfield.runs.GalleryOrder;
import org.flowfield.runs.Paging;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunService;
import org.flowfield.runs.RunStatus;
import org.flowfield.runs.ui.RunView;
import org.flowfield.security.CurrentAccount;
import org.flowfield.ui.Confirmation;

/**
 * A class: the gallery of runs its members shared with it (final samples and figures, sortable by
 * each figure, loaded a page at a time), its members, and for its instructor where the students'
 * runs stand in the shared queue (a run not shared with the class shows only its owner, status
 * and place). Its instructor removes students and changes the invite code; a student leaves. A
 * class the user is not in shows the same page as one that does not exist.
 */
@Route("classes/:classroomId")
@PermitAll
public class ClassroomView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String NOT_FOUND = "Class not found";
    static final String LEFT = "You left the class";
    /** What a finished run's thumbnail says when its samples cannot be read. */
    static final String DAMAGED = "damaged: its samples cannot be read";

    private final ClassroomService classrooms;
    private final ClassroomRunsService classroomRuns;
    private final RunService runs;
    private final AccountService accounts;
    private final CurrentAccount current;
    private final Map<UUID, String> usernames = new HashMap<>();
    private String title = NOT_FOUND;
    Grid<Run> gallery;
    Grid<ClassroomMember> members;
    Grid<ClassQueueEntry> queue;
    Span inviteCode;
    Button newInviteCode;
    Button leave;

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
        clear();
        try {
            UUID classroomId = UUID.fromString(classroomIdText);
            showClassroom(classrooms.find(current.id(), classroomId));
        } catch (IllegalArgumentException | ClassroomNotFoundException e) {
            showNotFound();
        }
    }

    private void clear() {
        removeAll();
        gallery = null;
        members = null;
        queue = null;
        inviteCode = null;
        newInviteCode = null;
        leave = null;
    }

    private void showNotFound() {
        clear();
        title = NOT_FOUND;
        add(new H2(NOT_FOUND), new Paragraph("There is no class with this address that you are in."));
    }

    private void showClassroom(Classroom classroom) {
        UUID me = current.id();
        title = classroom.name();
        add(new H2(classroom.name()));
        if (classroom.instructedBy(me)) {
            inviteCode = new Span("Invite code: " + classroom.inviteCode());
            inviteCode.addClassName("invite-code");
            newInviteCode = new Button("New invite code", click -> changeInviteCode(classroom));
            newInviteCode.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            newInviteCode.setTooltipText("The current code stops working; members stay in the class");
            HorizontalLayout invite = new HorizontalLayout(inviteCode, newInviteCode);
            invite.setAlignItems(FlexComponent.Alignment.BASELINE);
            add(invite);
        } else {
            leave = new Button("Leave class", click -> confirmLeaving(classroom));
            leave.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            add(leave);
        }
        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        gallery = galleryGrid(classroom);
        tabs.add("Gallery", gallery);
        members = memberGrid(classroom);
        tabs.add("Members", members);
        if (classroom.instructedBy(me)) {
            queue = queueGrid(classroom);
            tabs.add("Queue", queue);
        }
        add(tabs);
    }

    // ---- the gallery -------------------------------------------------------------------------

    private Grid<Run> galleryGrid(Classroom classroom) {
        Grid<Run> grid = new Grid<>();
        grid.setPageSize(Paging.PAGE_SIZE);
        grid.addComponentColumn(this::thumbnail).setHeader("Final samples").setKey("thumbnail").setWidth("180px").setFlexGrow(0);
        grid.addColumn(Run::name).setHeader("Run").setFlexGrow(2);
        grid.addColumn(run -> username(run.ownerId())).setHeader("Student");
        grid.addColumn(run -> run.config().family().title()).setHeader("Model");
        grid.addColumn(run -> run.status().name().toLowerCase(Locale.ROOT)).setHeader("Status");
        grid.addColumn(run -> String.format(Locale.ROOT, "%.0f%%", 100 * run.fractionDone())).setHeader("Progress");
        grid.addColumn(run -> figure("%.3f", run, run.figures() == null ? 0 : run.figures().heldOutNll()))
                .setHeader("Held-out NLL").setKey("nll").setSortProperty(GalleryOrder.HELD_OUT_NLL.name());
        grid.addColumn(run -> figure("%.3f", run, run.figures() == null ? 0 : run.figures().inRingFraction()))
                .setHeader("In-ring").setKey("inRing").setSortProperty(GalleryOrder.IN_RING_FRACTION.name());
        grid.addColumn(run -> figure("%.4f", run, run.figures() == null ? 0 : run.figures().slicedW2()))
                .setHeader("Sliced W2").setKey("w2").setSortProperty(GalleryOrder.SLICED_W2.name());
        UUID me = current.id();
        UUID classroomId = classroom.id();
        grid.setItems(query -> {
            GalleryOrder order = GalleryOrder.CREATED;
            boolean ascending = false;
            List<QuerySortOrder> sorting = query.getSortOrders();
            if (!sorting.isEmpty()) {
                order = GalleryOrder.valueOf(sorting.getFirst().getSorted());
                ascending = sorting.getFirst().getDirection() == SortDirection.ASCENDING;
            }
            return classroomRuns.gallery(me, classroomId, order, ascending, query.getOffset(), query.getLimit()).stream();
        }, query -> classroomRuns.gallerySize(me, classroomId));
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("nll"), SortDirection.ASCENDING)));
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(RunView.class,
                new RouteParameters("runId", click.getItem().id().toString()))));
        return grid;
    }

    private static String figure(String format, Run run, double value) {
        return run.figures() == null ? "" : String.format(Locale.ROOT, format, value);
    }

    /** The run's final samples; a run whose samples cannot be read says so, and the other rows still show. */
    private Component thumbnail(Run run) {
        if (run.status() != RunStatus.FINISHED) {
            return new Span();
        }
        try {
            return runs.snapshot(current.id(), run.id(), run.config().epochs() - 1)
                    .<Component>map(RunThumbnail::of)
                    .orElseGet(ClassroomView::damaged);
        } catch (RuntimeException e) {
            return damaged();
        }
    }

    private static Span damaged() {
        Span damaged = new Span(DAMAGED);
        damaged.addClassName("run-damaged");
        return damaged;
    }

    // ---- members -------------------------------------------------------------------------------

    private Grid<ClassroomMember> memberGrid(Classroom classroom) {
        Grid<ClassroomMember> grid = new Grid<>();
        grid.addColumn(ClassroomMember::username).setHeader("Member").setFlexGrow(2);
        grid.addColumn(member -> member.instructor() ? "instructor" : "student").setHeader("Role");
        if (classroom.instructedBy(current.id())) {
            grid.addComponentColumn(member -> member.instructor() ? new Span() : new Button("Remove",
                    click -> confirmRemoval(classroom, member))).setHeader("").setKey("remove");
        }
        grid.setItems(classrooms.members(current.id(), classroom.id()));
        grid.setAllRowsVisible(true);
        return grid;
    }

    private void confirmLeaving(Classroom classroom) {
        Confirmation.ask("Leave “" + classroom.name() + "”?",
                "The runs you shared with this class become private again, and you no longer see the runs others shared "
                        + "with it. To come back you need the invite code.", "Leave class", () -> {
                    try {
                        classrooms.leave(current.id(), classroom.id());
                        showLeft(classroom);
                    } catch (ClassroomNotFoundException e) {
                        showNotFound();
                    }
                });
    }

    private void showLeft(Classroom classroom) {
        clear();
        title = LEFT;
        add(new H2(LEFT), new Paragraph("You are no longer in “" + classroom.name() + "”; what you shared with it is private again."),
                new Anchor("classes", "Your classes"));
    }

    private void confirmRemoval(Classroom classroom, ClassroomMember member) {
        Confirmation.ask("Remove " + member.username() + " from “" + classroom.name() + "”?",
                "The runs " + member.username() + " shared with this class become private again. They can join again only "
                        + "with the invite code; change it if they should not.", "Remove", () -> {
                    try {
                        classrooms.removeMember(current.id(), classroom.id(), member.accountId());
                    } catch (InvalidClassroomException e) {
                        // removed by another page meanwhile: the refreshed list shows it
                    }
                    show(classroom.id().toString());
                });
    }

    private void changeInviteCode(Classroom classroom) {
        Classroom changed = classrooms.changeInviteCode(current.id(), classroom.id());
        inviteCode.setText("Invite code: " + changed.inviteCode());
    }

    // ---- the queue -----------------------------------------------------------------------------

    private Grid<ClassQueueEntry> queueGrid(Classroom classroom) {
        Grid<ClassQueueEntry> grid = new Grid<>();
        grid.addColumn(entry -> entry.training() ? "training" : QueuePosition.inLine(entry.place())).setHeader("Place");
        grid.addColumn(entry -> entry.pack() == 0 ? entry.status() : entry.status() + ", pack " + entry.pack()
                + " (" + entry.whereItTrains() + ")").setHeader("Status").setFlexGrow(2);
        grid.addColumn(entry -> username(entry.ownerId())).setHeader("Student");
        grid.addColumn(entry -> entry.sharedRun() == null ? "not shared with the class" : entry.sharedRun().name())
                .setHeader("Run").setFlexGrow(2);
        grid.addColumn(entry -> entry.sharedRun() == null ? "" : entry.sharedRun().config().family().title()).setHeader("Model");
        grid.setItems(classroomRuns.queue(current.id(), classroom.id()));
        grid.setAllRowsVisible(true);
        return grid;
    }

    private String username(UUID accountId) {
        return usernames.computeIfAbsent(accountId, id -> accounts.findById(id).map(Account::username).orElse("?"));
    }
}
