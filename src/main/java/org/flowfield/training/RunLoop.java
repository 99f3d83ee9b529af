package org.flowfield.training;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.flowfield.data.RingDataset;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.FlowModel;
import org.flowfield.flows.StepLoss;
import org.flowfield.flows.TrainingBatch;
import org.flowfield.metrics.QualityEvaluator;
import org.flowfield.metrics.QualityFigures;

/**
 * One run's side of a training loop, whoever steps its model (the model alone, or a pack it is a
 * member of): for each epoch, the shuffled order and the learning rate of the schedule; every
 * step's batch; after each step, the progress reports, batch losses and checkpoints within the
 * epoch; at the end of each epoch, validation, a sample snapshot and a checkpoint; cancellation;
 * and finally the run's figures. Everything else (storage, streaming, printing) happens in
 * listeners.
 *
 * <p>The run's model is reached through a supplier that gives it as it is now, for the
 * checkpoints, validations and snapshots; a pack member's is copied out of the pack on demand.
 */
public final class RunLoop {

    private final TrainingConfig config;
    private final RingDataset data;
    private final RingDataset heldOut;
    private final RunData source;
    private final TrainingListener listener;
    private final Cancellation cancellation;
    private final CheckpointPolicy checkpoints;
    private final long doneSteps;
    private final double earlierSeconds;

    private int epoch;
    private int stepInEpoch;
    private long step;
    private int[] order;
    private int orderEpoch = -1;
    private double learningRate;
    private long stepsThisProcess;
    private long stepNanos;
    private long started;
    private Window window = new Window();
    private final BatchLosses batches;

    private RunLoop(TrainingConfig config, RunData source, RingDataset data, int epoch, int stepInEpoch, long doneSteps, double earlierSeconds,
            TrainingListener listener, Cancellation cancellation, CheckpointPolicy checkpoints) {
        this.config = config;
        this.data = data;
        this.source = source;
        this.heldOut = source.heldOut(config, data.standardization());
        this.listener = listener == null ? TrainingListener.NONE : listener;
        this.cancellation = cancellation == null ? Cancellation.never() : cancellation;
        this.checkpoints = checkpoints;
        this.epoch = epoch;
        this.stepInEpoch = stepInEpoch;
        this.step = doneSteps;
        this.doneSteps = doneSteps;
        this.earlierSeconds = earlierSeconds;
        this.batches = new BatchLosses(config.reportEvery());
    }

    /** A new run on a built-in data set from its first step. */
    public static RunLoop fresh(TrainingConfig config, TrainingListener listener, Cancellation cancellation,
            CheckpointPolicy checkpoints) {
        return fresh(config, RunData.builtIn(), listener, cancellation, checkpoints);
    }

    /** A new run from its first step, on the data {@code source} gives. */
    public static RunLoop fresh(TrainingConfig config, RunData source, TrainingListener listener, Cancellation cancellation,
            CheckpointPolicy checkpoints) {
        RingDataset data = source.training(config);
        return new RunLoop(config, source, data, 0, 0, 0, 0, listener, cancellation, checkpoints);
    }

    /** A run on a built-in data set continuing from a checkpoint; it ends exactly as the uninterrupted run would. */
    public static RunLoop resumed(Checkpoint checkpoint, TrainingListener listener, Cancellation cancellation,
            CheckpointPolicy checkpoints) {
        return resumed(checkpoint, RunData.builtIn(), listener, cancellation, checkpoints);
    }

    /** A run continuing from a checkpoint on the data {@code source} gives; it ends exactly as the uninterrupted run would. */
    public static RunLoop resumed(Checkpoint checkpoint, RunData source, TrainingListener listener, Cancellation cancellation,
            CheckpointPolicy checkpoints) {
        TrainingConfig config = checkpoint.config();
        RingDataset data = source.training(config);
        if (!data.standardization().equals(checkpoint.standardization())) {
            throw new TrainingFailedException("the checkpoint's data statistics do not match its configuration");
        }
        return new RunLoop(config, source, data, checkpoint.nextEpoch(), checkpoint.nextStepInEpoch(), checkpoint.step(),
                checkpoint.trainingSeconds(), listener, cancellation, checkpoints);
    }

    public TrainingConfig config() {
        return config;
    }

    /** Tells the listener the run starts (or resumes) on this device; the clock starts here. */
    public void start() {
        listener.onStart(new TrainingStart(config, data.standardization(), data.size(), config.totalSteps(), doneSteps,
                TorchRuntime.get().deviceName()));
        started = System.nanoTime();
    }

    /** Whether steps remain. */
    public boolean training() {
        return epoch < config.epochs();
    }

    /** When cancellation was requested: hands over the pending losses, saves a checkpoint and returns true. */
    public boolean stopIfCancelled(Supplier<FlowModel> model) {
        if (!cancellation.requested()) {
            return false;
        }
        batches.flush(step, listener);
        saveCheckpoint(model, epoch, stepInEpoch);
        return true;
    }

    /** The result of a run stopped by {@link #stopIfCancelled}. */
    public TrainingResult cancelled() {
        return new TrainingResult(TrainingResult.Outcome.CANCELLED, config, data.standardization(), step, seconds(),
                stepsPerSecond(), null);
    }

    /** The next step's batch (an epoch's first step shuffles the data and sets the epoch's learning rate). */
    public TrainingBatch nextBatch() {
        if (orderEpoch != epoch) {
            learningRate = config.schedule().rate(config.learningRate(), epoch, config.epochs());
            order = shuffle(data.size(), Seeds.derive(config.seed(), Seeds.SHUFFLE, epoch));
            orderEpoch = epoch;
        }
        int batchSize = config.batchSize();
        int from = stepInEpoch * batchSize;
        return batch(data, order, from, Math.min(batchSize, data.size() - from), Seeds.derive(config.seed(), Seeds.STEP_NOISE, step));
    }

    /** The learning rate of the step {@link #nextBatch()} prepared. */
    public double learningRate() {
        return learningRate;
    }

    /**
     * Takes in the loss of the step on {@link #nextBatch()}: reports, checkpoints within the
     * epoch, and at its end validation, samples and a checkpoint.
     *
     * @param nanos time the step itself took
     * @throws TrainingFailedException when the loss is not finite
     */
    public void stepped(StepLoss loss, long nanos, Supplier<FlowModel> model) {
        stepNanos += nanos;
        if (!loss.finite()) {
            throw new TrainingFailedException(NonFiniteLoss.reason(config, loss.loss(), step + 1, epoch));
        }
        step++;
        stepsThisProcess++;
        window.add(loss);
        batches.add(loss.loss());
        if (window.steps == config.reportEvery() || step == config.totalSteps()) {
            batches.flush(step, listener);
            double elapsed = (System.nanoTime() - started) / 1e9;
            listener.onProgress(window.report(step, config.totalSteps(), epoch, learningRate, stepsThisProcess / elapsed));
            window = new Window();
        }
        stepInEpoch++;
        if (checkpoints != null && checkpoints.everySteps() > 0 && step % checkpoints.everySteps() == 0
                && stepInEpoch < config.stepsPerEpoch()) {
            batches.flush(step, listener);
            saveCheckpoint(model, epoch, stepInEpoch);
        }
        if (stepInEpoch == config.stepsPerEpoch()) {
            endEpoch(model.get());
        }
    }

    private void endEpoch(FlowModel model) {
        if (reportsEpoch(epoch, config.epochs())) {
            StepLoss validation = model.validationLoss(heldOut.points(), Seeds.derive(config.seed(), Seeds.VALIDATION, 0));
            int[] classes = config.family().conditional()
                    ? QualityEvaluator.cyclingClasses(Trainer.SNAPSHOT_POINTS, config.classes()) : null;
            float[] snapshot = model.sample(Trainer.SNAPSHOT_POINTS, classes, Seeds.derive(config.seed(), Seeds.SNAPSHOT, 0));
            listener.onEpoch(new EpochReport(epoch, step, validation, snapshot, classes));
        }
        batches.flush(step, listener);
        epoch++;
        stepInEpoch = 0;
        saveCheckpoint(() -> model, epoch, 0);
    }

    /**
     * Whether the end of {@code epoch} is validated and snapshotted: every epoch of a run of at most
     * {@value Trainer#MAX_EPOCH_REPORTS} epochs; in longer runs (the published protocols train
     * 1,000 short epochs) every k-th epoch, k = ⌈epochs / {@value Trainer#MAX_EPOCH_REPORTS}⌉, and
     * always the last, so that a run's page holds at most about that many snapshots.
     */
    static boolean reportsEpoch(int epoch, int epochs) {
        int every = (epochs + Trainer.MAX_EPOCH_REPORTS - 1) / Trainer.MAX_EPOCH_REPORTS;
        return epoch == epochs - 1 || (epoch + 1) % every == 0;
    }

    /** Computes the figures of the trained model and ends the run. */
    public TrainingResult finish(FlowModel model, int evaluationThreads) {
        double seconds = seconds();
        TorchRuntime runtime = TorchRuntime.get();
        runtime.useIntraOpThreads(evaluationThreads);
        QualityFigures figures;
        try {
            figures = QualityEvaluator.evaluate(model, heldOut, source.truth(config, data.standardization()), config.classes());
        } finally {
            runtime.useIntraOpThreads(1);
        }
        TrainingResult result = new TrainingResult(TrainingResult.Outcome.FINISHED, config, data.standardization(), step,
                seconds, stepsPerSecond(), figures);
        listener.onFinished(result);
        return result;
    }

    private double seconds() {
        return earlierSeconds + (System.nanoTime() - started) / 1e9;
    }

    private double stepsPerSecond() {
        return stepsThisProcess / Math.max(1e-9, stepNanos / 1e9);
    }

    private void saveCheckpoint(Supplier<FlowModel> model, int nextEpoch, int nextStep) {
        if (checkpoints == null) {
            return;
        }
        CheckpointFile.write(checkpoints.file(),
                new Checkpoint(config, data.standardization(), nextEpoch, nextStep, step, seconds(), model.get().state()));
        listener.onCheckpoint(checkpoints.file(), step);
    }

    /** A uniformly random permutation of 0..n−1 (Fisher–Yates) from the seed. */
    static int[] shuffle(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static TrainingBatch batch(RingDataset data, int[] order, int from, int count, long noiseSeed) {
        float[] source = data.points().xy();
        int[] labels = data.points().labels();
        float[] xy = new float[2 * count];
        int[] batchLabels = labels == null ? null : new int[count];
        for (int i = 0; i < count; i++) {
            int p = order[from + i];
            xy[2 * i] = source[2 * p];
            xy[2 * i + 1] = source[2 * p + 1];
            if (labels != null) {
                batchLabels[i] = labels[p];
            }
        }
        return new TrainingBatch(xy, batchLabels, noiseSeed);
    }

    /** The losses of the batches not yet handed to the listener. */
    private static final class BatchLosses {
        private float[] losses;
        private int count;

        BatchLosses(int capacity) {
            losses = new float[Math.max(1, capacity)];
        }

        void add(double loss) {
            if (count == losses.length) {
                losses = Arrays.copyOf(losses, 2 * count);
            }
            losses[count++] = (float) loss;
        }

        /** Hands over the pending losses, which end at {@code step}. */
        void flush(long step, TrainingListener listener) {
            if (count > 0) {
                listener.onBatchLosses(step - count + 1, Arrays.copyOf(losses, count));
                count = 0;
            }
        }
    }

    /** Running means of the losses since the last report. */
    private static final class Window {
        int steps;
        double loss;
        double logDet;
        double logPz;

        void add(StepLoss value) {
            steps++;
            loss += value.loss();
            logDet += value.logDet();
            logPz += value.logPz();
        }

        ProgressReport report(long step, long total, int epoch, double learningRate, double stepsPerSecond) {
            return new ProgressReport(step, total, epoch, steps, loss / steps, logDet / steps, logPz / steps,
                    learningRate, stepsPerSecond);
        }
    }
}
