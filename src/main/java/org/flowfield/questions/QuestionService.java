package org.flowfield.questions;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleConsumer;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.flowfield.data.Standardization;
import org.flowfield.flows.FlowModel;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.fm.FlowMatching;
import org.flowfield.flows.nf.CouplingFlow;
import org.flowfield.questions.cfm.ClassInput;
import org.flowfield.questions.cfm.ClassSamples;
import org.flowfield.questions.cfm.ClassTrajectories;
import org.flowfield.questions.common.ExercisePoints;
import org.flowfield.questions.fm.FlowProgression;
import org.flowfield.questions.fm.FlowTrajectories;
import org.flowfield.questions.fm.TargetedSample;
import org.flowfield.questions.fm.TimeQuantization;
import org.flowfield.questions.nf.DensityMap;
import org.flowfield.questions.nf.LayerProgression;
import org.flowfield.questions.nf.LayerTrajectories;
import org.flowfield.questions.nf.ProbabilityEstimate;
import org.flowfield.questions.nf.SeedSamples;
import org.flowfield.questions.reversal.Reversal;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunNotFinishedException;
import org.flowfield.runs.RunNotFoundException;
import org.flowfield.runs.RunService;
import org.flowfield.runs.RunStatus;
import org.flowfield.training.Checkpoint;
import org.flowfield.training.ModelFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Answers the exercise's questions (§3.3 and §4.3) about a finished run, for the run page.
 *
 * <p>Every method checks, before anything else and on the caller's thread, that the viewer may see
 * the run ({@link RunNotFoundException} otherwise, exactly as for a run that does not exist), that
 * it has finished ({@link RunNotFinishedException}), that the question fits the run's family and
 * that the parameters are in bounds ({@link InvalidQuestionInputException}, naming the parameter).
 * It then returns a future of the answer: answers are kept per (run, question, parameters) and
 * computed once; light ones (tens of milliseconds) on the caller's thread, so the future is complete
 * on return; heavy ones (density map, Δt sweep, flow progression, class samples, the bonus) on the
 * {@code flowfield.questions.threads} question workers, taken round robin across the people waiting
 * ({@link FairQueue}). A new heavy computation is charged to the viewer who starts it, at most
 * {@link QuestionLimits#computationsPerPerson()} per window ({@link QuestionLimitException} beyond);
 * kept answers and computations already under way are shared and cost nothing. The progress
 * listener, which may be null, is told the fraction done (0..1), ending with 1. Cancelling the
 * returned future means the caller no longer waits: their listener is dropped, and a computation
 * nobody waits for is withdrawn or stopped.
 *
 * <p>Answers are deterministic: every random draw has a fixed seed, so a run and parameters give
 * the same numbers on every call. Points are in the run's standardised coordinates unless a
 * method says otherwise; every answer carries the run's {@link Standardization} to convert them.
 */
@Service
public class QuestionService {

    /** Answers kept, least recently used dropped first. */
    public static final int DEFAULT_CACHE_ENTRIES = 64;

    private final RunService runs;
    private final QuestionCache cache;

    QuestionService(RunService runs, QuestionWorkers workers, QuestionLimits limits,
            @Value("${flowfield.questions.cache-entries:" + DEFAULT_CACHE_ENTRIES + "}") int cacheEntries) {
        this.runs = runs;
        this.cache = new QuestionCache(cacheEntries, workers.queue(), new ComputationAllowance(limits, Clock.systemUTC()));
    }

    // §3.3 normalizing flow

    /** Q2: {@link SeedSamples#POINTS} samples per seed; null seeds means {@link SeedSamples#DEFAULT_SEEDS}. */
    public CompletableFuture<SeedSamples> seedSamples(UUID viewerId, UUID runId, long[] seeds, DoubleConsumer progress) {
        Run run = visibleFinished(viewerId, runId, Question.NF_SAMPLES);
        long[] chosen = QuestionInputs.seeds(seeds == null ? SeedSamples.DEFAULT_SEEDS : seeds);
        return answer(viewerId, run, Question.NF_SAMPLES, parameters(LongStream.of(chosen).boxed().toList()), progress,
                (model, checkpoint, p) -> SeedSamples.of((CouplingFlow) model, checkpoint.standardization(), chosen));
    }

    /** Q3: {@link LayerProgression#POINTS} points after every coupling layer, and the six panel layers. */
    public CompletableFuture<LayerProgression> layerProgression(UUID viewerId, UUID runId, DoubleConsumer progress) {
        Run run = visibleFinished(viewerId, runId, Question.NF_LAYER_PROGRESSION);
        return answer(viewerId, run, Question.NF_LAYER_PROGRESSION, List.of(), progress,
                (model, checkpoint, p) -> LayerProgression.of((CouplingFlow) model, checkpoint.standardization()));
    }

    /** Q4: {@link LayerTrajectories#POINTS} samples' paths through every coupling layer. */
    public CompletableFuture<LayerTrajectories> layerTrajectories(UUID viewerId, UUID runId, DoubleConsumer progress) {
        Run run = visibleFinished(viewerId, runId, Question.NF_TRAJECTORIES);
        return answer(viewerId, run, Question.NF_TRAJECTORIES, List.of(), progress,
                (model, checkpoint, p) -> LayerTrajectories.of((CouplingFlow) model, checkpoint.standardization()));
    }

    /**
     * Q5: inverse paths and log p(x) of points.
     *
     * @param points standardised [x0, y0, …], at most {@link QuestionInputs#MAX_POINTS}; null for
     *     {@link ExercisePoints} (three inside the logo, two outside)
     */
    public CompletableFuture<ProbabilityEstimate> probabilityEstimate(
            UUID viewerId, UUID runId, float[] points, DoubleConsumer progress) {
        Run run = visibleFinished(viewerId, runId, Question.NF_PROBABILITIES);
        float[] chosen = points == null ? null : QuestionInputs.points(points);
        return answer(viewerId, run, Question.NF_PROBABILITIES, parameters(boxed(chosen)), progress,
                (model, checkpoint, p) -> ProbabilityEstimate.of((CouplingFlow) model, checkpoint.standardization(),
                        chosen == null ? ExercisePoints.standardised(checkpoint.standardization()) : chosen,
                        runs.trainingData(run).truth(checkpoint.config(), checkpoint.standardization())));
    }

    /** Q5: log p(x) on a {@link DensityMap#COLUMNS} × {@link DensityMap#ROWS} grid around the data (heavy). */
    public CompletableFuture<DensityMap> densityMap(UUID viewerId, UUID runId, DoubleConsumer progress) {
        Run run = visibleFinished(viewerId, runId, Question.NF_DENSITY_MAP);
        return answer(viewerId, run, Question.NF_DENSITY_MAP, List.of(), progress,
                (model, checkpoint, p) -> DensityMap.of((CouplingFlow) model, checkpoint.standardization(),
                        runs.trainingData(run).truth(checkpoint.config(), checkpoint.standardization()), p));
    }

    /**
     * log p(x) of a finished run's model at each point, as the comparison page asks it: a heavy
     * answer like the others, waiting behind the viewer's own and counted against the viewer's
     * allowance, and kept per (run, points).
     *
     * @param points standardised [x0, y0, …], at most {@link QuestionInputs#MAX_POINTS}
     * @param logLikelihoods the model's log p(x) at the points (for a class-conditional model, the
     *     caller's choice of marginal)
     */
    public CompletableFuture<double[]> comparedLogLikelihoods(
            UUID viewerId, UUID runId, float[] points, java.util.function.BiFunction<FlowModel, float[], double[]> logLikelihoods) {
        Run run = visibleFinished(viewerId, runId, Question.COMPARED_LOG_LIKELIHOODS);
        float[] chosen = QuestionInputs.points(points);
        return answer(viewerId, run, Question.COMPARED_LOG_LIKELIHOODS, parameters(boxed(chosen)), null,
                (model, checkpoint, p) -> logLikelihoods.apply(model, chosen));
    }

    // §4.3 flow matching, unconditional and class-conditional

    /** Q2: {@link FlowProgression#POINTS} points from t = 0 to 1, frames every 0.02, panels every 0.2. */
    public CompletableFuture<FlowProgression> flowProgression(UUID viewerId, UUID runId, DoubleConsumer progress) {
        Run run = visibleFinished(viewerId, runId, Question.FM_PROGRESSION);
        return answer(viewerId, run, Question.FM_PROGRESSION, List.of(), progress,
                (model, checkpoint, p) -> FlowProgression.of((FlowMatching) model, checkpoint.standardization()));
    }

    /** Q3: {@link FlowTrajectories#POINTS} samples' forward paths with their t. */
    public CompletableFuture<FlowTrajectories> flowTrajectories(UUID viewerId, UUID runId, DoubleConsumer progress) {
        Run run = visibleFinished(viewerId, runId, Question.FM_TRAJECTORIES);
        return answer(viewerId, run, Question.FM_TRAJECTORIES, List.of(), progress,
                (model, checkpoint, p) -> FlowTrajectories.of((FlowMatching) model, checkpoint.standardization()));
    }

    /**
     * Q4: samples and docs/figures.md figures per Euler step size (heavy; progress after each Δt).
     *
     * @param dts step sizes in [{@link QuestionInputs#MIN_DT}, 1], at most
     *     {@link QuestionInputs#MAX_DT_VALUES}, distinct; null for {@link TimeQuantization#DEFAULT_DTS}
     */
    public CompletableFuture<TimeQuantization> timeQuantization(
            UUID viewerId, UUID runId, double[] dts, DoubleConsumer progress) {
        Run run = visibleFinished(viewerId, runId, Question.FM_TIME_QUANTIZATION);
        double[] chosen = QuestionInputs.dts(dts == null ? TimeQuantization.DEFAULT_DTS : dts);
        return answer(viewerId, run, Question.FM_TIME_QUANTIZATION, parameters(DoubleStream.of(chosen).boxed().toList()), progress,
                (model, checkpoint, p) -> TimeQuantization.of((FlowMatching) model,
                        runs.trainingData(run).heldOut(checkpoint.config(), checkpoint.standardization()),
                        chosen, p));
    }

    /**
     * Q5 (with §3.3 Q5 for comparison): points inverted to the prior and sent forwards again, for
     * any family: a normalizing flow's exact inverse, or Euler backwards and forwards with step dt.
     *
     * @param points standardised [x0, y0, …]; null for {@link ExercisePoints}
     * @param classes for a class-conditional run, one class per point; null for the class of the
     *     ring whose centre is nearest each point; ignored for other families
     * @param dt the Euler step for flow matching, in [{@link QuestionInputs#MIN_DT}, 1]; NaN for the
     *     model's own ({@link FlowMatching#SAMPLING_DT}); ignored for a normalizing flow
     */
    public CompletableFuture<Reversal> reversal(
            UUID viewerId, UUID runId, float[] points, int[] classes, double dt, DoubleConsumer progress) {
        Run run = visibleFinished(viewerId, runId, Question.REVERSAL);
        float[] chosen = points == null ? null : QuestionInputs.points(points);
        boolean normalizingFlow = run.config().family() == ModelFamily.NORMALIZING_FLOW;
        double step = normalizingFlow ? Double.NaN : QuestionInputs.dt(Double.isNaN(dt) ? FlowMatching.SAMPLING_DT : dt);
        int[] chosenClasses = classes == null || !run.config().family().conditional() ? null
                : QuestionInputs.classes(classes, chosen == null ? ExercisePoints.original().length / 2 : chosen.length / 2);
        return answer(viewerId, run, Question.REVERSAL, parameters(boxed(chosen), boxed(chosenClasses), step), progress,
                (model, checkpoint, p) -> {
                    Standardization standardization = checkpoint.standardization();
                    float[] start = chosen == null ? ExercisePoints.standardised(standardization) : chosen;
                    if (model instanceof CouplingFlow flow) {
                        return Reversal.of(flow, standardization, start);
                    }
                    int[] startClasses = chosenClasses != null ? chosenClasses
                            : ExercisePoints.nearestRingLabels(start, standardization);
                    return Reversal.of((FlowMatching) model, standardization, start, startClasses, step);
                });
    }

    /**
     * Bonus: the noise the model's sampler carries to a target, and its path.
     *
     * @param x target x; (4, 5) is the exercise's ({@link TargetedSample#DEFAULT_X}, {@link TargetedSample#DEFAULT_Y})
     * @param y target y
     * @param coordinates which coordinates x and y are in
     * @param label the class to sample for a class-conditional run (0..4), ignored otherwise
     */
    public CompletableFuture<TargetedSample> targetedSample(
            UUID viewerId, UUID runId, double x, double y, Coordinates coordinates, int label, DoubleConsumer progress) {
        Run run = visibleFinished(viewerId, runId, Question.TARGETED_SAMPLE);
        QuestionInputs.coordinate("target x", x);
        QuestionInputs.coordinate("target y", y);
        if (coordinates == null) {
            throw new InvalidQuestionInputException("say whether the target is in original or standardised coordinates");
        }
        int chosenLabel = run.config().family().conditional() ? QuestionInputs.label(label) : -1;
        return answer(viewerId, run, Question.TARGETED_SAMPLE, parameters(x + 0.0, y + 0.0, coordinates, chosenLabel), progress,
                (model, checkpoint, p) -> {
                    Standardization standardization = checkpoint.standardization();
                    double[] target = coordinates == Coordinates.ORIGINAL ? standardization.standardize(x, y) : new double[] {x, y};
                    return TargetedSample.of((FlowMatching) model, standardization,
                            new float[] {(float) target[0], (float) target[1]}, chosenLabel);
                });
    }

    // §4.3 class-conditional flow matching

    /** Q1: {@link ClassInput#POINTS} of the run's training points with their classes. */
    public CompletableFuture<ClassInput> classInput(UUID viewerId, UUID runId, DoubleConsumer progress) {
        Run run = visibleFinished(viewerId, runId, Question.CFM_INPUT);
        return answer(viewerId, run, Question.CFM_INPUT, List.of(), progress,
                (model, checkpoint, p) -> ClassInput.of(checkpoint.config(), runs.trainingData(run)));
    }

    /** Q2: one sample per class with its path, and whether it reached its own ring. */
    public CompletableFuture<ClassTrajectories> classTrajectories(UUID viewerId, UUID runId, DoubleConsumer progress) {
        Run run = visibleFinished(viewerId, runId, Question.CFM_CLASS_TRAJECTORIES);
        return answer(viewerId, run, Question.CFM_CLASS_TRAJECTORIES, List.of(), progress,
                (model, checkpoint, p) -> ClassTrajectories.of((FlowMatching) model, checkpoint.standardization()));
    }

    /** Q3: samples with cycling classes and each class's share in its own ring; count in [5, 10,000]. */
    public CompletableFuture<ClassSamples> classSamples(UUID viewerId, UUID runId, int count, DoubleConsumer progress) {
        Run run = visibleFinished(viewerId, runId, Question.CFM_SAMPLES);
        int chosen = QuestionInputs.classSamples(count);
        return answer(viewerId, run, Question.CFM_SAMPLES, parameters(chosen), progress,
                (model, checkpoint, p) -> ClassSamples.of((FlowMatching) model, checkpoint.standardization(), chosen));
    }

    // ---------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Computation<R> {
        R compute(FlowModel model, Checkpoint checkpoint, DoubleConsumer progress);
    }

    private Run visibleFinished(UUID viewerId, UUID runId, Question question) {
        Run run = runs.find(viewerId, runId).orElseThrow(() -> new RunNotFoundException(runId));
        if (run.status() != RunStatus.FINISHED) {
            throw new RunNotFinishedException(runId, run.status());
        }
        question.requireFamily(run.config().family());
        return run;
    }

    /** The kept answer to the question with these parameters (null allowed), or a new computation of it. */
    private <R> CompletableFuture<R> answer(
            UUID viewerId, Run run, Question question, List<?> parameters, DoubleConsumer progress, Computation<R> computation) {
        return cache.get(new QuestionCache.Key(run.id(), question, parameters), viewerId, progress, reporter -> {
            Checkpoint checkpoint = runs.finalCheckpoint(viewerId, run.id());
            try (FlowModel model = ModelFactory.restore(checkpoint)) {
                reporter.accept(0); // stops here when nobody waits any more
                return computation.compute(model, checkpoint, reporter);
            }
        });
    }

    /** A question's parameters as a cache key: compared by content, nulls allowed. */
    private static List<Object> parameters(Object... values) {
        return Arrays.asList(values);
    }

    private static List<Float> boxed(float[] values) {
        return values == null ? null : IntStream.range(0, values.length).mapToObj(i -> values[i]).toList();
    }

    private static List<Integer> boxed(int[] values) {
        return values == null ? null : IntStream.of(values).boxed().toList();
    }

    /** Answers kept now (for tests and monitoring). */
    int cachedAnswers() {
        return cache.size();
    }

    /** Callers waiting for answers now, with their progress listeners (for tests and monitoring). */
    int waitingCallers() {
        return cache.waiters();
    }
}
