package org.flowfield.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import org.flowfield.data.PointCloud;
import org.flowfield.datasets.UserDataSet;
import org.flowfield.flows.FlowModel;
import org.flowfield.flows.ModelFamily;
import org.flowfield.metrics.QualityEvaluator;
import org.flowfield.metrics.QualityFigures;
import org.flowfield.questions.ChosenPointsService;
import org.flowfield.questions.QuestionInputs;
import org.flowfield.questions.QuestionService;
import org.flowfield.questions.common.ExercisePoints;
import org.flowfield.questions.fm.FlowProgression;
import org.flowfield.questions.nf.LayerProgression;
import org.flowfield.runs.EpochRecord;
import org.flowfield.runs.LossPoint;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunHistory;
import org.flowfield.runs.RunNotFoundException;
import org.flowfield.runs.RunService;
import org.flowfield.runs.RunStatus;
import org.flowfield.runs.live.RunUpdate;
import org.flowfield.runs.live.RunUpdates;
import org.flowfield.training.Checkpoint;
import org.springframework.stereotype.Service;

/**
 * Two to four runs side by side: settings, figures, loss curves, samples, their progressions from
 * noise to data on one shared time line, and log p(x) of the same points in each.
 *
 * <p>Every method takes the viewer and checks, on the caller's thread and before anything else,
 * that 2 to {@link #MAX_RUNS} distinct runs are asked for ({@link InvalidComparisonException}
 * otherwise) and that the viewer may see each of them, through {@link RunService}: a run the viewer
 * may not see raises {@link RunNotFoundException} exactly as one that does not exist.
 */
@Service
public class CompareService {

    public static final int MIN_RUNS = 2;
    public static final int MAX_RUNS = 4;

    private final RunService runs;
    private final QuestionService questions;
    private final ChosenPointsService chosenPoints;

    CompareService(RunService runs, QuestionService questions, ChosenPointsService chosenPoints) {
        this.runs = runs;
        this.questions = questions;
        this.chosenPoints = chosenPoints;
    }

    /**
     * The runs' settings, figures, loss curves and final samples.
     *
     * <p>Where the numbers come from: held-out NLL, in-ring fraction and sliced W2 are the run's stored
     * docs/figures.md figures ({@link Run#figures()}); the training time is the final checkpoint's
     * {@link Checkpoint#trainingSeconds()} (finished runs only); steps/s is the last stored loss point's
     * {@link LossPoint#stepsPerSecond()}. Runs that have not finished show NaN where they have no number.
     *
     * @param runIds 2 to {@link #MAX_RUNS} distinct run ids, in the order to show them
     * @throws InvalidComparisonException for fewer than 2, more than 4 or repeated ids
     * @throws RunNotFoundException for an id the viewer may not see, exactly as for one that does not exist
     */
    public Comparison compare(UUID viewerId, List<UUID> runIds) {
        List<Run> visible = visible(viewerId, runIds);
        List<ComparedRun> compared = visible.stream().map(run -> compared(viewerId, run)).toList();
        List<SettingRow> settings = SettingsRows.of(visible.stream().map(Run::config).toList(), visible.stream()
                .map(run -> runs.dataSetOf(viewerId, run).map(UserDataSet::name).orElse(null)).toList());
        boolean comparable = visible.stream().map(run -> LossQuantity.of(run.config().family())).distinct().count() == 1;
        String lossNote = comparable ? "" : "These training losses are different quantities: a normalizing flow's is a "
                + LossQuantity.NEGATIVE_LOG_LIKELIHOOD.description() + ", flow matching's is the "
                + LossQuantity.FLOW_MATCHING_MSE.description() + ". Compare the held-out NLL in the figures instead.";
        return new Comparison(compared, settings, figures(compared), comparable, lossNote);
    }

    /**
     * log p(x) of the same points in every run, exactly as the core computes it: a normalizing flow's
     * {@code CouplingFlow.logLikelihood} (change of variables), flow matching's
     * {@code FlowMatching.logLikelihood} (RK4, 200 steps, exact divergence) and, for a class-conditional
     * run, the marginal log p(x) = logsumexp over the 5 classes c of log p(x | c), − log 5 (classes
     * equally likely, as in its training data). Each run's column is a heavy answer of the viewer's
     * ({@link QuestionService#comparedLogLikelihoods}); a run that has not finished gets NaN.
     *
     * @param points [x0, y0, …] in standardised coordinates: 1 to {@link QuestionInputs#MAX_POINTS}
     *     points, each coordinate finite and within ±{@link QuestionInputs#MAX_ABS_COORDINATE}
     * @param progress told the fraction of runs done (0..1), may be null
     * @throws InvalidComparisonException for bad run ids or points, naming the first bad point
     * @throws RunNotFoundException for an id the viewer may not see
     */
    public CompletableFuture<Probe> logLikelihoods(UUID viewerId, List<UUID> runIds, float[] points, DoubleConsumer progress) {
        List<Run> visible = visible(viewerId, runIds);
        float[] chosen = validPoints(points);
        AtomicInteger done = new AtomicInteger();
        tell(progress, 0);
        List<CompletableFuture<double[]>> columns = new ArrayList<>();
        for (Run run : visible) {
            CompletableFuture<double[]> column = run.status() == RunStatus.FINISHED
                    ? probe(viewerId, run, chosen)
                    : CompletableFuture.completedFuture(nanArray(chosen.length / 2));
            columns.add(column.whenComplete((value, failure) -> tell(progress, (double) done.incrementAndGet() / visible.size())));
        }
        return CompletableFuture.allOf(columns.toArray(CompletableFuture[]::new)).thenApply(ignored -> new Probe(chosen, visible,
                columns.stream().map(CompletableFuture::join).toList(),
                visible.stream().map(CompareService::probeMethod).toList()));
    }

    /**
     * The points the probe uses for this viewer: the points the viewer chose for §3.3 Q5 (standardised),
     * or else the exercise's default points ({@link ExercisePoints}: three inside the logo, two outside)
     * standardised with the first finished compared run's training statistics. Empty when the viewer
     * has chosen none and no compared run has finished.
     *
     * @throws InvalidComparisonException for bad run ids
     * @throws RunNotFoundException for an id the viewer may not see
     */
    public float[] probePoints(UUID viewerId, List<UUID> runIds) {
        List<Run> visible = visible(viewerId, runIds);
        return chosenPoints.find(viewerId).orElseGet(() -> visible.stream()
                .filter(run -> run.status() == RunStatus.FINISHED)
                .findFirst()
                .map(run -> ExercisePoints.standardised(runs.finalCheckpoint(viewerId, run.id()).standardization()))
                .orElse(new float[0]));
    }

    /**
     * The runs' progressions from noise to data on one time line ({@link SharedProgression}): from the
     * cached answers of §3.3 Q3 ({@link QuestionService#layerProgression}, 1,000 points after every
     * layer) and §4.3 Q2 ({@link QuestionService#flowProgression}, 1,000 points every Δt = 0.02),
     * computed on the question workers when not yet kept. A run that has not finished has no frames.
     *
     * @param progress told the fraction of runs done (0..1), may be null
     * @throws InvalidComparisonException for bad run ids
     * @throws RunNotFoundException for an id the viewer may not see
     */
    public CompletableFuture<SharedProgression> progression(UUID viewerId, List<UUID> runIds, DoubleConsumer progress) {
        List<Run> visible = visible(viewerId, runIds);
        double[] fractions = SharedProgression.standardFractions();
        AtomicInteger done = new AtomicInteger();
        tell(progress, 0);
        List<CompletableFuture<RunProgression>> parts = new ArrayList<>();
        for (Run run : visible) {
            CompletableFuture<RunProgression> part;
            if (run.status() != RunStatus.FINISHED) {
                part = CompletableFuture.completedFuture(new RunProgression(run, List.of(), null, List.of(),
                        "This run has not finished: it has no progression yet."));
            } else if (run.config().family() == ModelFamily.NORMALIZING_FLOW) {
                part = questions.layerProgression(viewerId, run.id(), null).thenApply(answer -> layers(run, answer));
            } else {
                part = questions.flowProgression(viewerId, run.id(), null).thenApply(answer -> times(run, answer));
            }
            parts.add(part.whenComplete((value, failure) -> tell(progress, (double) done.incrementAndGet() / visible.size())));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> new SharedProgression(fractions, parts.stream().map(CompletableFuture::join).toList()));
    }

    /**
     * Follows the viewer's access to the compared runs: {@code onLost} runs once, on an update
     * thread, as soon as the viewer may no longer see one of them (its link revoked, made private,
     * unshared, the viewer left the class, or the run deleted), as the run page closes on
     * {@link org.flowfield.runs.live.RunUpdate.AccessLost}. Close the handle to stop.
     *
     * @throws InvalidComparisonException for bad run ids
     * @throws RunNotFoundException for an id the viewer may not see
     */
    public RunUpdates.Subscription watchAccess(UUID viewerId, List<UUID> runIds, Runnable onLost) {
        visible(viewerId, runIds);
        java.util.concurrent.atomic.AtomicBoolean told = new java.util.concurrent.atomic.AtomicBoolean();
        List<RunUpdates.Subscription> subscriptions = new ArrayList<>();
        try {
            for (UUID runId : runIds) {
                subscriptions.add(runs.watch(viewerId, runId, update -> {
                    if (update instanceof RunUpdate.AccessLost && told.compareAndSet(false, true)) {
                        onLost.run();
                    }
                }));
            }
        } catch (RunNotFoundException e) {
            subscriptions.forEach(RunUpdates.Subscription::close);
            throw e;
        }
        return () -> subscriptions.forEach(RunUpdates.Subscription::close);
    }

    // ---------------------------------------------------------------------------------------------

    /** Checks the ids (count, repeats) and the viewer's access to each, in order. */
    private List<Run> visible(UUID viewerId, List<UUID> runIds) {
        if (runIds == null || runIds.size() < MIN_RUNS) {
            throw new InvalidComparisonException("Pick at least " + MIN_RUNS + " runs to compare, got "
                    + (runIds == null ? 0 : runIds.size()) + ".");
        }
        if (runIds.size() > MAX_RUNS) {
            throw new InvalidComparisonException("Compare at most " + MAX_RUNS + " runs at once, got " + runIds.size() + ".");
        }
        Set<UUID> seen = new HashSet<>();
        for (UUID id : runIds) {
            if (id == null) {
                throw new InvalidComparisonException("A run id is missing.");
            }
            if (!seen.add(id)) {
                throw new InvalidComparisonException("Each run can be compared only once; run " + id + " is listed twice.");
            }
        }
        return runIds.stream().map(id -> runs.find(viewerId, id).orElseThrow(() -> new RunNotFoundException(id))).toList();
    }

    private ComparedRun compared(UUID viewerId, Run run) {
        RunHistory history = runs.history(viewerId, run.id());
        List<EpochRecord> epochs = history.epochs();
        int finalEpoch = epochs.isEmpty() ? -1 : epochs.getLast().epoch();
        PointCloud samples = finalEpoch < 0 ? null : runs.snapshot(viewerId, run.id(), finalEpoch).orElse(null);
        double seconds = run.status() == RunStatus.FINISHED ? runs.finalCheckpoint(viewerId, run.id()).trainingSeconds() : Double.NaN;
        double speed = history.loss().isEmpty() ? Double.NaN : history.loss().getLast().stepsPerSecond();
        return new ComparedRun(history.run(), history.loss(), finalEpoch, samples, seconds, speed);
    }

    private static List<FigureRow> figures(List<ComparedRun> compared) {
        List<QualityFigures> figures = compared.stream().map(c -> c.run().figures()).toList();
        List<Double> nll = figures.stream().map(f -> f == null ? Double.NaN : f.heldOutNll()).toList();
        List<Double> ring = figures.stream().map(f -> f == null ? Double.NaN : f.inRingFraction()).toList();
        List<Double> w2 = figures.stream().map(f -> f == null ? Double.NaN : f.slicedW2()).toList();
        long conditional = compared.stream().filter(c -> c.run().config().family().conditional()).count();
        List<FigureRow> rows = new ArrayList<>();
        if (conditional > 0 && conditional < compared.size()) {
            rows.add(FigureRow.unmarked(Figure.HELD_OUT_NLL, nll, "Not the same quantity: a class-conditional run reports "
                    + "−log p(x | c) with each held-out point's own class, the others −log p(x); no best is marked."));
        } else {
            rows.add(FigureRow.marked(Figure.HELD_OUT_NLL, nll, conditional > 0 ? "−log p(x | c), each held-out point with its own class." : ""));
        }
        rows.add(FigureRow.marked(Figure.IN_RING_FRACTION, ring, ""));
        rows.add(FigureRow.marked(Figure.SLICED_W2, w2, ""));
        rows.addAll(TruthRows.of(figures));
        rows.add(FigureRow.marked(Figure.TRAINING_SECONDS, compared.stream().map(ComparedRun::trainingSeconds).toList(),
                "Wall time of the training loop on the machine that trained the run."));
        rows.add(FigureRow.marked(Figure.STEPS_PER_SECOND, compared.stream().map(ComparedRun::stepsPerSecond).toList(),
                "Optimizer steps per second of wall time, as last reported during training."));
        return rows;
    }

    private CompletableFuture<double[]> probe(UUID viewerId, Run run, float[] points) {
        return questions.comparedLogLikelihoods(viewerId, run.id(), points,
                (model, chosen) -> logLikelihoods(model, run.config().family().conditional() ? run.config().classes() : 0,
                        chosen));
    }

    /**
     * log p(x) per point; for a class-conditional model ({@code classes} &gt; 0, the data set's) the
     * marginal over the classes, equally likely.
     */
    static double[] logLikelihoods(FlowModel model, int classes, float[] points) {
        if (classes == 0) {
            return model.logLikelihood(PointCloud.unlabelled(points));
        }
        int n = points.length / 2;
        double[][] perClass = new double[classes][];
        for (int c = 0; c < classes; c++) {
            int[] labels = new int[n];
            java.util.Arrays.fill(labels, c);
            perClass[c] = model.logLikelihood(new PointCloud(points, labels));
        }
        double[] marginal = new double[n];
        for (int i = 0; i < n; i++) {
            double[] values = new double[classes];
            for (int c = 0; c < values.length; c++) {
                values[c] = perClass[c][i];
            }
            marginal[i] = logSumExp(values) - Math.log(classes);
        }
        return marginal;
    }

    /** log Σ exp(vᵢ), stable; −∞ when every value is −∞. */
    static double logSumExp(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            max = Math.max(max, value);
        }
        if (max == Double.NEGATIVE_INFINITY || Double.isNaN(max)) {
            return max;
        }
        double sum = 0;
        for (double value : values) {
            sum += Math.exp(value - max);
        }
        return max + Math.log(sum);
    }

    private static String probeMethod(Run run) {
        if (run.status() != RunStatus.FINISHED) {
            return "not finished";
        }
        ModelFamily family = run.config().family();
        String method = QualityEvaluator.likelihoodMethod(family);
        return family.conditional() ? "marginal: logsumexp over the 5 classes of log p(x | c) − log 5 (" + method + ")" : method;
    }

    private static float[] validPoints(float[] xy) {
        if (xy == null || xy.length == 0 || xy.length % 2 != 0) {
            throw new InvalidComparisonException("Points must be (x, y) pairs, got " + (xy == null ? 0 : xy.length) + " numbers.");
        }
        if (xy.length / 2 > QuestionInputs.MAX_POINTS) {
            throw new InvalidComparisonException("At most " + QuestionInputs.MAX_POINTS + " points, got " + xy.length / 2 + ".");
        }
        float[] copy = xy.clone();
        for (int i = 0; i < copy.length; i++) {
            String name = "Point " + (i / 2 + 1) + (i % 2 == 0 ? " x" : " y");
            if (!Float.isFinite(copy[i])) {
                throw new InvalidComparisonException(name + " must be a finite number, got " + copy[i] + ".");
            }
            if (Math.abs(copy[i]) > QuestionInputs.MAX_ABS_COORDINATE) {
                throw new InvalidComparisonException(name + " must lie within ±" + QuestionInputs.MAX_ABS_COORDINATE
                        + ", got " + copy[i] + ".");
            }
            copy[i] = copy[i] + 0f;
        }
        return copy;
    }

    private static RunProgression layers(Run run, LayerProgression answer) {
        double[] fractions = SharedProgression.standardFractions();
        List<float[]> frames = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < fractions.length; k++) {
            int layer = SharedProgression.layerAt(k, answer.layers());
            frames.add(answer.states()[layer]);
            labels.add(layer == 0 ? "layer 0 of " + answer.layers() + " (the prior draw)" : "layer " + layer + " of " + answer.layers());
        }
        return new RunProgression(run, frames, null, labels, "");
    }

    private static RunProgression times(Run run, FlowProgression answer) {
        double[] fractions = SharedProgression.standardFractions();
        List<float[]> frames = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (double fraction : fractions) {
            int index = nearestTime(answer.frameTimes(), fraction);
            frames.add(answer.frames()[index]);
            labels.add(String.format(java.util.Locale.ROOT, "t = %.2f", answer.frameTimes()[index]));
        }
        return new RunProgression(run, frames, answer.classes(), labels, "");
    }

    private static int nearestTime(double[] times, double t) {
        int best = 0;
        for (int i = 1; i < times.length; i++) {
            if (Math.abs(times[i] - t) < Math.abs(times[best] - t)) {
                best = i;
            }
        }
        return best;
    }

    private static double[] nanArray(int n) {
        double[] values = new double[n];
        java.util.Arrays.fill(values, Double.NaN);
        return values;
    }

    private static void tell(DoubleConsumer progress, double fraction) {
        if (progress != null) {
            try {
                progress.accept(fraction);
            } catch (RuntimeException e) {
                // a closed page's listener; the computation goes on
            }
        }
    }
}
