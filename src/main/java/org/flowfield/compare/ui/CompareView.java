package org.flowfield.compare.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import org.flowfield.questions.QuestionLimitException;
import org.flowfield.compare.CompareService;
import org.flowfield.compare.ComparedRun;
import org.flowfield.compare.Comparison;
import org.flowfield.compare.Figure;
import org.flowfield.compare.FigureRow;
import org.flowfield.compare.InvalidComparisonException;
import org.flowfield.compare.LossQuantity;
import org.flowfield.compare.Probe;
import org.flowfield.compare.SettingRow;
import org.flowfield.compare.SharedProgression;
import org.flowfield.data.PointCloud;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunNotFoundException;
import org.flowfield.runs.live.RunUpdates;
import org.flowfield.security.CurrentAccount;
import org.flowfield.ui.chart.ChartFrame;
import org.flowfield.ui.chart.ChartLayout;
import org.flowfield.ui.chart.ChartSeries;
import org.flowfield.ui.chart.FlowChart;
import org.flowfield.ui.chart.FramePlayer;
import org.flowfield.ui.chart.SampleSeries;

/**
 * Two to four runs side by side at {@code compare?runs=<id>,<id>,…}, a URL any user who may see
 * the runs can open: settings (only those that differ, or all), figures with the best marked, the
 * training losses in one chart, the final samples, the progressions from noise to data under one
 * shared player, and log p(x) of the same points in every run. An id the viewer may not see, one
 * that does not exist and one that is not an id all show the same "not found" page. Run names are
 * user text and shown as text only; charts name runs by letter (A, B, …) and family.
 */
@Route("compare")
@PermitAll
public class CompareView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String NOT_FOUND = "Run not found";
    static final String CANNOT_COMPARE = "Cannot compare these runs";
    static final String TITLE = "Compare runs";
    static final String PLAYER_GROUP = "compare-progression";
    /** Frames of the shared progression per second when playing. */
    static final double FRAMES_PER_SECOND = 8;
    /** One colour per compared run, the same in every chart. */
    static final String[] RUN_COLOURS = {"#5b6ee1", "#e07b39", "#3aa17e", "#c2185b"};
    static final String BEST = "best";

    private final CompareService compare;
    private final CurrentAccount current;
    private String title = NOT_FOUND;
    private List<UUID> runIds = List.of();
    Comparison comparison;

    final Checkbox showAllSettings = new Checkbox("Show all settings");
    final Grid<SettingRow> settingsGrid = new Grid<>();
    final Grid<FigureRow> figuresGrid = new Grid<>();
    final Paragraph lossNote = new Paragraph();
    FlowChart lossChart;
    final List<FlowChart> sampleCharts = new ArrayList<>();
    final List<FlowChart> progressionCharts = new ArrayList<>();
    final FramePlayer player = new FramePlayer(PLAYER_GROUP);
    final ProgressBar progressionProgress = new ProgressBar();
    final Div progressionPanels = row();
    final Grid<Integer> probeGrid = new Grid<>();
    final ProgressBar probeProgress = new ProgressBar();
    final Paragraph probeMethods = new Paragraph();
    final Paragraph problem = new Paragraph();
    SharedProgression progression;
    Probe probe;
    /** Follows the viewer's access to the compared runs while the page is attached. */
    private RunUpdates.Subscription access;

    public CompareView(CompareService compare, CurrentAccount current) {
        this.compare = compare;
        this.current = current;
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> values = event.getLocation().getQueryParameters().getParameters().getOrDefault("runs", List.of());
        show(String.join(",", values));
    }

    @Override
    public String getPageTitle() {
        return title + " · Flowfield";
    }

    /** Shows the runs of a {@code runs} parameter (comma-separated ids), or why it cannot. */
    void show(String runsParameter) {
        stopWatching();
        removeAll();
        comparison = null;
        Optional<List<UUID>> ids = parseIds(runsParameter);
        if (ids.isEmpty()) {
            notFound();
            return;
        }
        try {
            comparison = compare.compare(current.id(), ids.get());
        } catch (RunNotFoundException e) {
            notFound();
            return;
        } catch (InvalidComparisonException e) {
            title = CANNOT_COMPARE;
            add(new H2(CANNOT_COMPARE), new Paragraph(e.getMessage()), new Anchor("", "Back to the runs"));
            return;
        }
        runIds = ids.get();
        title = TITLE;
        showComparison();
        getUI().ifPresent(this::watchAccess);
    }

    /** Exactly the run page's "not found": a foreign, a missing and a malformed id look the same. */
    private void notFound() {
        title = NOT_FOUND;
        runIds = List.of();
        add(new H2(NOT_FOUND), new Paragraph("There is no run with this address that you can see."));
    }

    private void showComparison() {
        add(new H2(TITLE), runList());
        add(new H3("Settings"), showAllSettings, settingsGrid);
        add(new H3("Quality figures"), figuresGrid, figureNotes());
        add(new H3("Training loss"), lossNote);
        add(lossChart());
        add(new H3("Samples after the last epoch"), samplePanels());
        add(new H3("From noise to data"), new Paragraph("One player for every run: frame f shows each model a fraction f "
                + "of the way from noise (f = 0) to data (f = 1). A normalizing flow of L coupling layers after round(f · L) "
                + "of them, a flow-matching model at time t = f (Euler, Δt = 1/1000). The same 1,000 prior points per model, "
                + "standardised coordinates; each panel's caption says its own layer or time."), progressionProgress, player,
                progressionPanels);
        add(new H3("log p(x) of the chosen points"), probeDescription(), probeProgress, probeGrid, probeMethods, problem);
        configureSettings();
        configureFigures();
        progressionProgress.setVisible(false);
        progressionProgress.setWidth("320px");
        probeProgress.setVisible(false);
        probeProgress.setWidth("320px");
        problem.setVisible(false);
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        problem.addClassName("compare-problem");
        player.addClassName("compare-player");
        player.setMaxWidth("960px");
    }

    // ---- runs, settings, figures -----------------------------------------------------------

    private UnorderedList runList() {
        UnorderedList list = new UnorderedList();
        list.addClassName("compare-runs");
        for (int i = 0; i < comparison.runs().size(); i++) {
            Run run = comparison.runs().get(i).run();
            Span letter = new Span(letter(i) + ": ");
            letter.getStyle().set("font-weight", "600").set("color", RUN_COLOURS[i]);
            Anchor name = new Anchor("runs/" + run.id(), run.name());
            name.addClassName("compare-run-name");
            Span about = new Span(" · " + run.config().family().title() + " · " + run.status().name().toLowerCase(Locale.ROOT));
            list.add(new ListItem(letter, name, about));
        }
        return list;
    }

    private void configureSettings() {
        settingsGrid.addClassName("compare-settings");
        settingsGrid.addColumn(row -> row.differs() && showAllSettings.getValue() ? row.name() + " (differs)" : row.name()).setHeader("Setting").setAutoWidth(true).setFlexGrow(0);
        for (int i = 0; i < comparison.runs().size(); i++) {
            int run = i;
            settingsGrid.addColumn(row -> row.values().get(run)).setHeader(header(run)).setAutoWidth(true);
        }
        settingsGrid.setPartNameGenerator(row -> row.differs() ? "differs" : null);
        settingsGrid.setAllRowsVisible(true);
        settingsGrid.setWidthFull();
        showAllSettings.addValueChangeListener(change -> showSettings());
        showSettings();
    }

    /** Only the settings that differ, unless "Show all settings" is ticked (or none differ). */
    private void showSettings() {
        List<SettingRow> differing = comparison.differingSettings();
        settingsGrid.setItems(showAllSettings.getValue() || differing.isEmpty() ? comparison.settings() : differing);
    }

    /** The settings rows shown now. */
    List<SettingRow> shownSettings() {
        return settingsGrid.getGenericDataView().getItems().toList();
    }

    private void configureFigures() {
        figuresGrid.addClassName("compare-figures");
        figuresGrid.addColumn(row -> row.figure().title()).setHeader("Figure").setAutoWidth(true).setFlexGrow(0);
        for (int i = 0; i < comparison.runs().size(); i++) {
            int run = i;
            figuresGrid.addComponentColumn(row -> figureCell(row, run)).setHeader(header(run)).setAutoWidth(true);
        }
        figuresGrid.setItems(comparison.figures());
        figuresGrid.setAllRowsVisible(true);
        figuresGrid.setWidthFull();
    }

    /** A figure's value; the best of its row in bold with the word "best" beside it (not colour alone). */
    /** The flag beside a negative NLL − H: a held-out NLL below the data's entropy is impossible. */
    static final String NLL_BELOW_ENTROPY = "error: NLL below H";

    static Span figureCell(FigureRow row, int run) {
        Span cell = new Span(formatFigure(row, run));
        cell.addClassName("figure-value");
        if (row.isBest(run)) {
            cell.getStyle().set("font-weight", "700");
            Span marker = new Span(BEST);
            marker.addClassName("figure-best");
            marker.getStyle().set("margin-left", "0.5em").set("padding", "0 0.4em").set("border-radius", "0.6em")
                    .set("font-size", "var(--lumo-font-size-s)").set("background", "var(--lumo-success-color-10pct, #e3f4ea)")
                    .set("color", "var(--lumo-success-text-color, #1b7a43)");
            cell.add(marker);
            cell.getElement().setAttribute("aria-label", formatFigure(row, run) + ", the best of the compared runs");
        }
        if (row.figure() == Figure.KL_GAP && row.values().get(run) < 0) {
            Span error = new Span(NLL_BELOW_ENTROPY);
            error.addClassName("figure-error");
            error.getStyle().set("margin-left", "0.5em").set("padding", "0 0.4em").set("border-radius", "0.6em")
                    .set("font-size", "var(--lumo-font-size-s)").set("background", "var(--lumo-error-color-10pct, #fde8e8)")
                    .set("color", "var(--lumo-error-text-color, #b3261e)");
            cell.add(error);
        }
        return cell;
    }

    static String formatFigure(FigureRow row, int run) {
        double value = row.values().get(run);
        if (!Double.isFinite(value)) {
            return "—";
        }
        return switch (row.figure()) {
            case HELD_OUT_NLL, IN_RING_FRACTION -> String.format(Locale.ROOT, "%.3f", value);
            case SLICED_W2, EXACT_W2 -> String.format(Locale.ROOT, "%.4f", value);
            case DATA_ENTROPY, KL_GAP, PATH_ENERGY -> String.format(Locale.ROOT, "%.3f", value);
            case OUTSIDE_SUPPORT -> String.format(Locale.ROOT, "%.1f %%", 100 * value);
            case TRAINING_SECONDS -> String.format(Locale.ROOT, "%.1f", value);
            case STEPS_PER_SECOND -> String.format(Locale.ROOT, "%,.0f", value);
        };
    }

    private Div figureNotes() {
        Div notes = new Div();
        notes.addClassName("compare-figure-notes");
        for (FigureRow row : comparison.figures()) {
            if (!row.note().isEmpty()) {
                notes.add(new Paragraph(row.figure().title() + ": " + row.note()));
            }
        }
        return notes;
    }

    // ---- charts --------------------------------------------------------------------------------

    private FlowChart lossChart() {
        boolean comparable = comparison.lossesComparable();
        lossNote.setText(comparison.lossNote());
        lossNote.setVisible(!comparable);
        lossNote.addClassName("compare-loss-note");
        String quantity = comparable ? LossQuantity.of(comparison.runs().getFirst().run().config().family()).description()
                : "training loss (different quantities: see above)";
        lossChart = new FlowChart(ChartLayout.line("Training loss", "epoch", quantity).withFileName("compare-training-loss"));
        lossChart.addClassName("compare-loss-chart");
        lossChart.setMaxWidth("1100px");
        lossChart.draw(lossSeries(comparison));
        return lossChart;
    }

    /** One line per run: its stored loss points, x in epochs (steps / steps per epoch) so that batch sizes align. */
    static List<ChartSeries> lossSeries(Comparison comparison) {
        List<ChartSeries> series = new ArrayList<>();
        for (int i = 0; i < comparison.runs().size(); i++) {
            ComparedRun compared = comparison.runs().get(i);
            int n = compared.loss().size();
            double stepsPerEpoch = compared.run().config().stepsPerEpoch();
            double[] x = new double[n];
            double[] y = new double[n];
            for (int k = 0; k < n; k++) {
                x[k] = compared.loss().get(k).step() / stepsPerEpoch;
                y[k] = compared.loss().get(k).loss();
            }
            series.add(ChartSeries.line(chartName(comparison, i)
                    + (comparison.lossesComparable() ? "" : " · " + LossQuantity.of(compared.run().config().family()).shortName()),
                    RUN_COLOURS[i], x, y));
        }
        return series;
    }

    private Div samplePanels() {
        Div panels = row();
        for (int i = 0; i < comparison.runs().size(); i++) {
            ComparedRun compared = comparison.runs().get(i);
            FlowChart chart = panel(chartName(comparison, i) + (compared.finalEpoch() < 0 ? " · no epoch yet"
                    : " · epoch " + (compared.finalEpoch() + 1)));
            chart.addClassName("compare-sample-chart");
            if (compared.finalSamples() != null) {
                chart.draw(SampleSeries.of("samples", compared.finalSamples(), compared.run().config().dataSet()));
            }
            sampleCharts.add(chart);
            panels.add(chart);
        }
        return panels;
    }

    private Paragraph probeDescription() {
        return new Paragraph("The same points in every run: the points you chose for Q5 of a run page, or else the "
                + "exercise's five (three inside the logo, two outside) standardised with run A's training data. "
                + "Coordinates are standardised (the ones the models see); log p(x) in nats. A class-conditional run "
                + "shows the marginal log p(x) = log Σ_c p(x | c) − log 5 over its 5 classes.");
    }

    // ---- the heavy parts, off the UI thread ------------------------------------------------------

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (comparison == null) {
            return;
        }
        UUID viewer = current.id();
        UI ui = attachEvent.getUI();
        if (!watchAccess(ui)) {
            return;
        }
        if (progression != null || progressionProgress.isVisible()) {
            return;
        }
        attempt(() -> await(ui, compare.progression(viewer, runIds, listener(ui, progressionProgress)), progressionProgress,
                this::showProgression));
        attempt(() -> {
            float[] points = compare.probePoints(viewer, runIds);
            if (points.length > 0) {
                await(ui, compare.logLikelihoods(viewer, runIds, points, listener(ui, probeProgress)), probeProgress, this::showProbe);
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopWatching();
    }

    /** A compared run may no longer be seen: the page says "not found", as the run page does. */
    private void accessLost() {
        stopWatching();
        removeAll();
        comparison = null;
        progression = null;
        probe = null;
        notFound();
    }

    /** Starts following the viewer's access to the runs shown; false when it is already lost. */
    private boolean watchAccess(UI ui) {
        stopWatching();
        try {
            access = compare.watchAccess(current.id(), runIds, () -> ui.access(this::accessLost));
            return true;
        } catch (RunNotFoundException e) {
            accessLost();
            return false;
        }
    }

    private void stopWatching() {
        if (access != null) {
            access.close();
            access = null;
        }
    }

    private void showProgression(SharedProgression answer) {
        progression = answer;
        progressionCharts.clear();
        progressionPanels.removeAll();
        List<FlowChart> driven = new ArrayList<>();
        List<List<ChartFrame>> frames = new ArrayList<>();
        double half = commonHalfRange(answer);
        for (int i = 0; i < answer.runs().size(); i++) {
            var part = answer.runs().get(i);
            FlowChart chart = panel(chartName(comparison, i));
            chart.configure(chart.layout().withRange(-half, half, -half, half));
            chart.addClassName("compare-progression-chart");
            progressionCharts.add(chart);
            progressionPanels.add(chart);
            if (!part.available()) {
                chart.setVisible(false);
                Paragraph note = new Paragraph(letter(i) + ": " + part.note());
                progressionPanels.add(note);
                continue;
            }
            List<ChartFrame> sequence = new ArrayList<>();
            for (int k = 0; k < answer.frameCount(); k++) {
                sequence.add(new ChartFrame(String.format(Locale.ROOT, "%s · f = %.2f", part.labels().get(k), answer.fractions()[k]),
                        SampleSeries.of("points", new PointCloud(part.frames().get(k), part.classes()))));
            }
            driven.add(chart);
            frames.add(sequence);
        }
        List<String> labels = new ArrayList<>();
        for (double fraction : answer.fractions()) {
            labels.add(SharedProgression.fractionLabel(fraction));
        }
        if (!driven.isEmpty()) {
            player.drive(driven, frames, labels, FRAMES_PER_SECOND, 0);
        }
        player.setVisible(!driven.isEmpty());
    }

    /**
     * Half the side of the square every progression panel shows: at least the samples' ±3, widened
     * (in steps of 0.5) to hold every point of every frame, so that the panels share one scale and
     * no point leaves the plot in the middle of a flow (a normalizing flow's inner layers spread wider).
     */
    static double commonHalfRange(SharedProgression answer) {
        double largest = SampleSeries.STANDARDISED_HALF_RANGE;
        for (var part : answer.runs()) {
            for (float[] frame : part.frames()) {
                for (float value : frame) {
                    if (Float.isFinite(value)) {
                        largest = Math.max(largest, Math.abs(value));
                    }
                }
            }
        }
        return Math.ceil(largest * 2) / 2;
    }

    private void showProbe(Probe answer) {
        probe = answer;
        probeGrid.removeAllColumns();
        probeGrid.addClassName("compare-probe");
        probeGrid.addColumn(point -> point + 1).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        probeGrid.addColumn(point -> String.format(Locale.ROOT, "%.3f", answer.points()[2 * point])).setHeader("x").setAutoWidth(true);
        probeGrid.addColumn(point -> String.format(Locale.ROOT, "%.3f", answer.points()[2 * point + 1])).setHeader("y").setAutoWidth(true);
        for (int i = 0; i < answer.runs().size(); i++) {
            int run = i;
            probeGrid.addColumn(point -> logP(answer.logLikelihood(run, point))).setHeader(header(run) + " · log p(x)").setAutoWidth(true);
        }
        probeGrid.setItems(java.util.stream.IntStream.range(0, answer.pointCount()).boxed().toList());
        probeGrid.setAllRowsVisible(true);
        probeGrid.setWidthFull();
        StringBuilder methods = new StringBuilder("How: ");
        for (int i = 0; i < answer.runs().size(); i++) {
            methods.append(i == 0 ? "" : "; ").append(letter(i)).append(": ").append(answer.methods().get(i));
        }
        probeMethods.setText(methods.append('.').toString());
    }

    static String logP(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        return value == Double.NEGATIVE_INFINITY ? "−∞" : String.format(Locale.ROOT, "%.3f", value);
    }

    private <T> void await(UI ui, CompletableFuture<T> future, ProgressBar bar, Consumer<T> render) {
        if (future.isDone()) {
            finish(future, bar, render);
            return;
        }
        bar.setVisible(true);
        future.whenComplete((answer, failure) -> ui.access(() -> finish(future, bar, render)));
    }

    private <T> void finish(CompletableFuture<T> future, ProgressBar bar, Consumer<T> render) {
        bar.setVisible(false);
        try {
            render.accept(future.join());
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            showProblem(cause instanceof QuestionLimitException ? cause.getMessage() : "This could not be computed: " + cause.getMessage());
        }
    }

    private static DoubleConsumer listener(UI ui, ProgressBar bar) {
        return fraction -> ui.access(() -> bar.setValue(Math.clamp(fraction, 0, 1)));
    }

    private void attempt(Runnable request) {
        try {
            request.run();
        } catch (QuestionLimitException e) {
            showProblem(e.getMessage());
        }
    }

    private void showProblem(String text) {
        problem.setText(text);
        problem.setVisible(true);
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private String header(int run) {
        return letter(run) + ": " + comparison.runs().get(run).run().name();
    }

    static String letter(int run) {
        return String.valueOf((char) ('A' + run));
    }

    /** What charts call a run: its letter and family (never its user-typed name). */
    static String chartName(Comparison comparison, int run) {
        return letter(run) + " · " + comparison.runs().get(run).run().config().family().title();
    }

    private static FlowChart panel(String title) {
        FlowChart chart = new FlowChart(SampleSeries.standardisedLayout(title).withHeight(300).withFileName(title));
        chart.setWidth("360px");
        chart.setMinWidth("300px");
        return chart;
    }

    private static Div row() {
        Div row = new Div();
        row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        row.setWidthFull();
        return row;
    }

    /** Comma-separated UUIDs; empty when any is not one (shown as "not found"). */
    static Optional<List<UUID>> parseIds(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(List.of());
        }
        List<UUID> ids = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            try {
                ids.add(UUID.fromString(part.strip()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.of(ids);
    }

    /** The run ids shown, in order; empty on the "not found" and "cannot compare" pages. */
    List<UUID> runIds() {
        return runIds;
    }
}
