package org.flowfield.training;

import java.util.SplittableRandom;
import org.flowfield.data.RingDataset;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.FlowModel;
import org.flowfield.flows.StepLoss;
import org.flowfield.flows.TrainingBatch;
import org.flowfield.metrics.QualityEvaluator;
import org.flowfield.metrics.QualityFigures;

/**
 * The training loop: for each epoch, shuffle, step through the batches with Adam under the
 * learning-rate schedule, then validate, snapshot and checkpoint; finally compute the run's
 * figures. Everything else (storage, streaming, printing) happens in listeners.
 */
public final class Trainer {

    /** Points in each epoch's sample snapshot (a live scatter stays near 1,000 points). */
    public static final int SNAPSHOT_POINTS = 1_000;

    private final TrainingListener listener;
    private final Cancellation cancellation;
    private final CheckpointPolicy checkpoints;
    private final int evaluationThreads;

    /**
     * @param checkpoints where to save the run, or null to keep it in memory only
     */
    public Trainer(TrainingListener listener, Cancellation cancellation, CheckpointPolicy checkpoints) {
        this(listener, cancellation, checkpoints, 1);
    }

    /**
     * @param evaluationThreads intra-op threads for the final figures (large batches gain from a
     *     second thread; training steps run on one)
     */
    public Trainer(TrainingListener listener, Cancellation cancellation, CheckpointPolicy checkpoints, int evaluationThreads) {
        if (evaluationThreads < 1) {
            throw new IllegalArgumentException("evaluation threads must be at least 1, got " + evaluationThreads);
        }
        this.listener = listener == null ? TrainingListener.NONE : listener;
        this.cancellation = cancellation == null ? Cancellation.never() : cancellation;
        this.checkpoints = checkpoints;
        this.evaluationThreads = evaluationThreads;
    }

    /** Trains a new run from its first step. */
    public TrainingResult train(TrainingConfig config) {
        RingDataset data = RingDataset.training(config.family().dataSet(), config.points(), config.seed());
        try (FlowModel model = ModelFactory.create(config)) {
            return run(config, data, model, 0, 0, 0, 0);
        }
    }

    /** Continues a run from a checkpoint; it ends exactly as the uninterrupted run would. */
    public TrainingResult resume(Checkpoint checkpoint) {
        TrainingConfig config = checkpoint.config();
        RingDataset data = RingDataset.training(config.family().dataSet(), config.points(), config.seed());
        if (!data.standardization().equals(checkpoint.standardization())) {
            throw new TrainingFailedException("the checkpoint's data statistics do not match its configuration");
        }
        try (FlowModel model = ModelFactory.restore(checkpoint)) {
            return run(config, data, model, checkpoint.nextEpoch(), checkpoint.nextStepInEpoch(), checkpoint.step(),
                    checkpoint.trainingSeconds());
        }
    }

    private TrainingResult run(
            TrainingConfig config, RingDataset data, FlowModel model, int startEpoch, int startStep, long doneSteps,
            double earlierSeconds) {
        int n = data.size();
        int batchSize = config.batchSize();
        int stepsPerEpoch = config.stepsPerEpoch();
        long totalSteps = config.totalSteps();
        RingDataset heldOut = RingDataset.heldOut(config.family().dataSet(), config.seed(), data.standardization());
        TorchRuntime.get().useIntraOpThreads(1);
        listener.onStart(new TrainingStart(config, data.standardization(), n, totalSteps, doneSteps,
                TorchRuntime.get().deviceName()));

        long step = doneSteps;
        long stepsThisProcess = 0;
        long stepNanos = 0;
        long started = System.nanoTime();
        Window window = new Window();
        BatchLosses batches = new BatchLosses(config.reportEvery());
        for (int epoch = startEpoch; epoch < config.epochs(); epoch++) {
            double learningRate = config.schedule().rate(config.learningRate(), epoch, config.epochs());
            int[] order = shuffle(n, Seeds.derive(config.seed(), Seeds.SHUFFLE, epoch));
            for (int s = epoch == startEpoch ? startStep : 0; s < stepsPerEpoch; s++) {
                if (cancellation.requested()) {
                    double seconds = earlierSeconds + (System.nanoTime() - started) / 1e9;
                    batches.flush(step, listener);
                    saveCheckpoint(config, data, model, epoch, s, step, seconds);
                    return new TrainingResult(TrainingResult.Outcome.CANCELLED, config, data.standardization(), step,
                            seconds, stepsThisProcess / Math.max(1e-9, stepNanos / 1e9), null);
                }
                TrainingBatch batch = batch(data, order, s * batchSize, Math.min(batchSize, n - s * batchSize),
                        Seeds.derive(config.seed(), Seeds.STEP_NOISE, step));
                long stepStarted = System.nanoTime();
                StepLoss loss = model.trainStep(batch, learningRate);
                stepNanos += System.nanoTime() - stepStarted;
                if (!loss.finite()) {
                    throw new TrainingFailedException(
                            "the loss became " + loss.loss() + " at step " + (step + 1) + " (epoch " + (epoch + 1) + ")");
                }
                step++;
                stepsThisProcess++;
                window.add(loss);
                batches.add(loss.loss());
                if (window.steps == config.reportEvery() || step == totalSteps) {
                    batches.flush(step, listener);
                    double elapsed = (System.nanoTime() - started) / 1e9;
                    listener.onProgress(window.report(step, totalSteps, epoch, learningRate, stepsThisProcess / elapsed));
                    window = new Window();
                }
                if (checkpoints != null && checkpoints.everySteps() > 0 && step % checkpoints.everySteps() == 0
                        && s + 1 < stepsPerEpoch) {
                    batches.flush(step, listener);
                    saveCheckpoint(config, data, model, epoch, s + 1, step,
                            earlierSeconds + (System.nanoTime() - started) / 1e9);
                }
            }
            StepLoss validation = model.validationLoss(heldOut.points(), Seeds.derive(config.seed(), Seeds.VALIDATION, 0));
            int[] classes = config.family().conditional() ? QualityEvaluator.cyclingClasses(SNAPSHOT_POINTS) : null;
            float[] snapshot = model.sample(SNAPSHOT_POINTS, classes, Seeds.derive(config.seed(), Seeds.SNAPSHOT, 0));
            listener.onEpoch(new EpochReport(epoch, step, validation, snapshot, classes));
            batches.flush(step, listener);
            saveCheckpoint(config, data, model, epoch + 1, 0, step,
                    earlierSeconds + (System.nanoTime() - started) / 1e9);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        QualityFigures figures = evaluate(model, heldOut);
        TrainingResult result = new TrainingResult(TrainingResult.Outcome.FINISHED, config, data.standardization(), step,
                earlierSeconds + seconds, stepsThisProcess / Math.max(1e-9, stepNanos / 1e9), figures);
        listener.onFinished(result);
        return result;
    }

    private QualityFigures evaluate(FlowModel model, RingDataset heldOut) {
        TorchRuntime runtime = TorchRuntime.get();
        runtime.useIntraOpThreads(evaluationThreads);
        try {
            return QualityEvaluator.evaluate(model, heldOut);
        } finally {
            runtime.useIntraOpThreads(1);
        }
    }

    private void saveCheckpoint(
            TrainingConfig config, RingDataset data, FlowModel model, int nextEpoch, int nextStep, long step,
            double seconds) {
        if (checkpoints == null) {
            return;
        }
        CheckpointFile.write(checkpoints.file(),
                new Checkpoint(config, data.standardization(), nextEpoch, nextStep, step, seconds, model.state()));
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

    /** Running means of the losses since the last report. */
    /** The losses of the batches not yet handed to the listener. */
    private static final class BatchLosses {
        private float[] losses;
        private int count;

        BatchLosses(int capacity) {
            losses = new float[Math.max(1, capacity)];
        }

        void add(double loss) {
            if (count == losses.length) {
                losses = java.util.Arrays.copyOf(losses, 2 * count);
            }
            losses[count++] = (float) loss;
        }

        /** Hands over the pending losses, which end at {@code step}. */
        void flush(long step, TrainingListener listener) {
            if (count > 0) {
                listener.onBatchLosses(step - count + 1, java.util.Arrays.copyOf(losses, count));
                count = 0;
            }
        }
    }

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
