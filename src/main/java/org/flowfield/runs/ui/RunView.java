package org.flowfield.runs.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flowfield.data.PointCloud;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunHistory;
import org.flowfield.runs.RunNotFoundException;
import org.flowfield.runs.RunService;
import org.flowfield.runs.RunStatus;
import org.flowfield.runs.live.FrameMailbox;
import org.flowfield.runs.live.RunUpdate;
import org.flowfield.runs.live.RunUpdates;
import org.flowfield.runs.settings.RunSettingsSchema;
import org.flowfield.security.CurrentAccount;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One run: what it is, and its training, live while it trains (server push, one frame in flight
 * per browser) and replayable once finished. A run id the viewer may not see, including one that
 * does not exist or is not a UUID, shows the same "not found" page.
 *
 * <p>"Training" is the first tab; other features add theirs after it ({@link RunPageTabs}, e.g.
 * one per exercise question). Each of those is built when first opened, and only once the run has
 * finished: before that it says when it becomes available, and it turns into the real content when
 * the run finishes while the page is open.
 */
@Route("runs/:runId")
@PermitAll
public class RunView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String NOT_FOUND = "Run not found";

    static final String NOT_FOUND_TEXT = "There is no run with this address that you can see.";

    static final String DELETED = "Run deleted";

    /** Where a user's data set is shown read-only (datasets.ui.DataSetView), followed by its id. */
    static final String DATA_SET_ROUTE = "data/";

    static final String AVAILABLE_WHEN_FINISHED = "This answer becomes available when the run has finished training.";

    private final RunService runs;
    private final CurrentAccount current;
    private final List<RunPageTabs> tabProviders;
    private final RunActions actions;
    private UUID runId;
    private String title = NOT_FOUND;
    TrainingPanel training;
    final Span status = new Span();
    final Button cancel = new Button("Cancel run");
    /** "Training" and the contributed tabs; null while the page says "not found". */
    TabSheet tabs;
    private final List<LazyTab> lazyTabs = new ArrayList<>();
    private boolean finished;

    private LiveRun live;
    private FrameMailbox<RunFrame> mailbox;
    private final List<RunUpdate> early = new ArrayList<>();
    private RunUpdates.Subscription subscription;
    private UI ui;

    /** A run page with the "Training" tab only. */
    public RunView(RunService runs, CurrentAccount current) {
        this(runs, current, List.of(), null);
    }

    /** A run page with the tabs that the features' {@link RunPageTabs} beans contribute, and the run's actions. */
    @Autowired
    public RunView(RunService runs, CurrentAccount current, ObjectProvider<RunPageTabs> tabProviders, RunActions actions) {
        this(runs, current, tabProviders.orderedStream().toList(), actions);
    }

    public RunView(RunService runs, CurrentAccount current, List<RunPageTabs> tabProviders) {
        this(runs, current, tabProviders, null);
    }

    /** @param actions fork and sharing controls, or null for none */
    public RunView(RunService runs, CurrentAccount current, List<RunPageTabs> tabProviders, RunActions actions) {
        this.runs = runs;
        this.current = current;
        this.tabProviders = List.copyOf(tabProviders);
        this.actions = actions;
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(event.getRouteParameters().get("runId").orElse(""));
    }

    /** Shows the run with this id (as the address gives it), or "not found". */
    public void show(String runIdText) {
        removeAll();
        tabs = null;
        lazyTabs.clear();
        runId = parseId(runIdText).orElse(null);
        Optional<Run> run = runId == null ? Optional.empty() : runs.find(current.id(), runId);
        if (run.isEmpty()) {
            runId = null;
            title = NOT_FOUND;
            showNotFound();
            return;
        }
        showRun(run.get());
    }

    private void showNotFound() {
        removeAll();
        tabs = null;
        lazyTabs.clear();
        runId = null;
        title = NOT_FOUND;
        add(new H2(NOT_FOUND), new Paragraph(NOT_FOUND_TEXT));
    }

    /** Its owner deleted the run from this page. */
    private void showDeleted() {
        String name = title;
        removeAll();
        tabs = null;
        lazyTabs.clear();
        runId = null;
        title = DELETED;
        add(new H2(DELETED), new Paragraph("“" + name + "” and its files are gone."), new Anchor("", "Back to the runs"));
    }

    @Override
    public String getPageTitle() {
        return title + " · Flowfield";
    }

    private void showRun(Run run) {
        title = run.name();
        training = new TrainingPanel(run);
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        cancel.addClickListener(click -> {
            Run after = runs.cancel(current.id(), run.id());
            showStatus(after);
        });
        status.addClassName("run-status");
        HorizontalLayout heading = new HorizontalLayout(new H2(run.name()), status, cancel);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        finished = run.status() == RunStatus.FINISHED;
        tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.add("Training", training);
        for (RunPageTabs provider : tabProviders) {
            for (RunPageTabs.Tab contributed : provider.tabsFor(run)) {
                LazyTab lazy = new LazyTab(contributed);
                lazy.tab = tabs.add(contributed.label(), lazy.container);
                lazyTabs.add(lazy);
            }
        }
        tabs.addSelectedChangeListener(event -> fillSelected());
        add(heading, new Span(settingsLine(run)));
        runs.dataSetOf(current.id(), run).ifPresent(dataSet -> {
            Anchor data = new Anchor(DATA_SET_ROUTE + dataSet.id(), dataSet.name());
            data.setId("run-data-set");
            add(new Span(new Span("Data set: "), data));
        });
        if (actions != null) {
            add(actions.forRun(run, current.id(), this::showDeleted));
        }
        add(tabs);
        showStatus(run);
    }

    /** The content holder of the contributed tab with this label (empty until first opened), or null. */
    public Component tabContent(String label) {
        return lazyTabs.stream().filter(lazy -> lazy.contributed.label().equals(label)).findFirst()
                .map(lazy -> (Component) lazy.container).orElse(null);
    }

    /** Labels of all tabs, "Training" first. */
    public List<String> tabLabels() {
        List<String> labels = new ArrayList<>();
        labels.add("Training");
        lazyTabs.forEach(lazy -> labels.add(lazy.contributed.label()));
        return labels;
    }

    /** Opens the tab with this label (as a click on it does); "Training" or an unknown label opens the first. */
    public void openTab(String label) {
        lazyTabs.stream().filter(lazy -> lazy.contributed.label().equals(label)).findFirst()
                .ifPresentOrElse(lazy -> tabs.setSelectedTab(lazy.tab), () -> tabs.setSelectedIndex(0));
        fillSelected();
    }

    private void fillSelected() {
        for (LazyTab lazy : lazyTabs) {
            if (tabs.getSelectedTab() == lazy.tab) {
                lazy.fill(finished);
            }
        }
    }

    /** The run finished while the page was open: placeholders give way to the real tabs. */
    private void runFinished() {
        if (finished) {
            return;
        }
        finished = true;
        lazyTabs.forEach(LazyTab::reset);
        if (tabs != null) {
            fillSelected();
        }
    }

    /** A contributed tab's content holder, filled on first opening. */
    private static final class LazyTab {
        final RunPageTabs.Tab contributed;
        final Div container = new Div();
        Tab tab;
        private boolean filled;
        private boolean placeholder;

        LazyTab(RunPageTabs.Tab contributed) {
            this.contributed = contributed;
            container.setWidthFull();
        }

        void fill(boolean finished) {
            if (filled || (placeholder && !finished)) {
                return;
            }
            container.removeAll();
            if (finished) {
                filled = true;
                placeholder = false;
                container.add(contributed.content().get());
            } else {
                placeholder = true;
                Paragraph waiting = new Paragraph(AVAILABLE_WHEN_FINISHED);
                waiting.addClassName("question-unavailable");
                container.add(waiting);
            }
        }

        void reset() {
            if (placeholder) {
                placeholder = false;
                container.removeAll();
            }
        }
    }

    private void showStatus(Run run) {
        status.setText(run.statusLabel()
                + (run.device() == null ? "" : " " + run.whereItTrains())
                + (run.cancelRequested() && !run.status().terminal() ? " (cancelling)" : ""));
        cancel.setVisible(run.ownerId().equals(current.id()) && !run.status().terminal() && !run.cancelRequested());
    }

    static String settingsLine(Run run) {
        var config = run.config();
        return config.family().title() + RunSettingsSchema.PAGE_SUMMARY.stream()
                .map(setting -> " · " + RunSettingsSchema.summarized(setting, config)).collect(java.util.stream.Collectors.joining());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (runId == null) {
            return;
        }
        UI ui = attachEvent.getUI();
        this.ui = ui;
        UUID viewer = current.id();
        FrameMailbox<RunFrame> frames = new FrameMailbox<>(frame -> ui.access(() -> draw(viewer, frame)));
        mailbox = frames;
        try {
            subscription = runs.watch(viewer, runId, update -> onUpdate(viewer, update, frames));
            RunHistory history = runs.history(viewer, runId);
            PointCloud last = history.epochs().isEmpty() ? null
                    : runs.snapshot(viewer, runId, history.epochs().getLast().epoch()).orElse(null);
            synchronized (early) {
                live = new LiveRun(history, last);
                early.forEach(live::apply);
                early.clear();
            }
            frames.offer(live.frame());
        } catch (RunNotFoundException e) {
            ui.navigate(RunsView.class);
        }
    }

    /** Draws a frame; the mailbox sends the next one only when the browser has painted this one. */
    private void draw(UUID viewer, RunFrame frame) {
        FrameMailbox<RunFrame> frames = mailbox;
        if (runId == null) {
            return;
        }
        showStatus(frame.run());
        if (frame.run().status() == RunStatus.FINISHED) {
            runFinished();
        }
        training.show(frame, epoch -> runs.snapshot(viewer, runId, epoch).orElse(PointCloud.unlabelled(new float[0])))
                .whenComplete((drawn, failure) -> frames.acknowledge());
    }

    private void onUpdate(UUID viewer, RunUpdate update, FrameMailbox<RunFrame> mailbox) {
        LiveRun target;
        synchronized (early) {
            if (live == null) {
                early.add(update);
                return;
            }
            target = live;
        }
        if (update instanceof RunUpdate.AccessLost) {
            ui.access(() -> {
                if (update.runId().equals(runId)) {
                    showNotFound();
                }
            });
            return;
        }
        if (update instanceof RunUpdate.StatusChanged) {
            try {
                target.refresh(runs.history(viewer, update.runId()));
            } catch (RunNotFoundException e) {
                return;
            }
        } else if (!target.apply(update)) {
            return;
        }
        mailbox.offer(target.frame());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        synchronized (early) {
            live = null;
            early.clear();
        }
    }

    /** The run shown, or null when the page says "not found". */
    UUID runId() {
        return runId;
    }

    /** What the browser does when it has painted a frame (tests stand in for the browser with this). */
    void frameDrawn() {
        if (mailbox != null) {
            mailbox.acknowledge();
        }
    }

    private static Optional<UUID> parseId(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
