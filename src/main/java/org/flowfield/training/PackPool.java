package org.flowfield.training;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.flowfield.flows.FlowModel;
import org.flowfield.flows.ModelPack;

/**
 * The packs of one device: a run joins a pack of its shape with room left, or opens a new one;
 * packs of different shapes share the device's time. An emptied pack is closed when the next run
 * comes.
 */
public final class PackPool implements AutoCloseable {

    private final int largestPack;
    private final Function<TrainingConfig, ModelPack> packs;
    private final List<PackTrainer> trainers = new ArrayList<>();
    private int opened;

    /**
     * @param largestPack the most members a pack takes
     * @param packs an empty pack for a run's shape
     */
    public PackPool(int largestPack, Function<TrainingConfig, ModelPack> packs) {
        if (largestPack < 1) {
            throw new IllegalArgumentException("a pack takes at least one run, got " + largestPack);
        }
        this.largestPack = largestPack;
        this.packs = packs;
    }

    /** Trains the run in a pack (see {@link PackTrainer}); returns when it has left, with its result. */
    public TrainingResult train(RunLoop loop, FlowModel model, int evaluationThreads, PackTrainer.Membership membership) {
        return join(loop, model, membership).await(evaluationThreads);
    }

    private synchronized PackTrainer.Ticket join(RunLoop loop, FlowModel model, PackTrainer.Membership membership) {
        trainers.removeIf(trainer -> {
            boolean gone = trainer.stopped() || trainer.size() == 0;
            if (gone) {
                trainer.close();
            }
            return gone;
        });
        for (PackTrainer trainer : trainers) {
            if (trainer.size() < largestPack && trainer.fits(loop, model)) {
                return trainer.join(loop, model, membership);
            }
        }
        PackTrainer trainer = new PackTrainer(packs.apply(loop.config()), loop.config().batchSize(),
                "pack-" + loop.config().family().code() + "-" + ++opened);
        trainers.add(trainer);
        return trainer.join(loop, model, membership);
    }

    /** Packs training now, and their sizes. */
    public synchronized List<Integer> sizes() {
        return trainers.stream().filter(trainer -> !trainer.stopped()).map(PackTrainer::size).toList();
    }

    @Override
    public synchronized void close() {
        trainers.forEach(PackTrainer::close);
        trainers.clear();
    }
}
