package org.flowfield.training;

import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.FlowModel;
import org.flowfield.flows.StepLoss;
import org.flowfield.flows.TrainingBatch;

/**
 * Trains one run with a model of its own: the {@link RunLoop} of the run, stepping its model
 * on each batch, then the run's figures.
 */
public final class Trainer {

    /** Points in each epoch's sample snapshot (a live scatter stays near 1,000 points). */
    public static final int SNAPSHOT_POINTS = 1_000;
    /** Most epochs a run validates and snapshots (see {@code RunLoop.reportsEpoch}). */
    public static final int MAX_EPOCH_REPORTS = 100;

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
        this.listener = listener;
        this.cancellation = cancellation;
        this.checkpoints = checkpoints;
        this.evaluationThreads = evaluationThreads;
    }

    /** Trains a new run from its first step. */
    public TrainingResult train(TrainingConfig config) {
        RunLoop loop = RunLoop.fresh(config, listener, cancellation, checkpoints);
        try (FlowModel model = ModelFactory.create(config)) {
            return run(loop, model);
        }
    }

    /** Continues a run from a checkpoint; it ends exactly as the uninterrupted run would. */
    public TrainingResult resume(Checkpoint checkpoint) {
        RunLoop loop = RunLoop.resumed(checkpoint, listener, cancellation, checkpoints);
        try (FlowModel model = ModelFactory.restore(checkpoint)) {
            return run(loop, model);
        }
    }

    private TrainingResult run(RunLoop loop, FlowModel model) {
        TorchRuntime.get().useIntraOpThreads(1);
        loop.start();
        while (loop.training()) {
            if (loop.stopIfCancelled(() -> model)) {
                return loop.cancelled();
            }
            TrainingBatch batch = loop.nextBatch();
            long started = System.nanoTime();
            StepLoss loss = model.trainStep(batch, loop.learningRate());
            loop.stepped(loss, System.nanoTime() - started, () -> model);
        }
        return loop.finish(model, evaluationThreads);
    }
}
