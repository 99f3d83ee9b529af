package org.flowfield.flows.nf;

import java.util.SplittableRandom;
import org.flowfield.data.DataSetKind;
import org.flowfield.data.RingDataset;
import org.flowfield.flows.TrainingBatch;

/**
 * A run's batches drawn the way the Trainer draws them: a rings training set of its own, a fresh
 * shuffle each epoch, batches of the batch size and a shorter last batch when the points do not
 * divide evenly.
 */
final class ShuffledBatches {

    private final float[] xy;
    private final int points;
    private final int batchSize;
    private final long seed;
    private int[] order;
    private long orderEpoch = -1;

    ShuffledBatches(int points, int batchSize, long seed) {
        this.xy = RingDataset.training(DataSetKind.UNCONDITIONAL, points, seed).points().xy();
        this.points = points;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    int stepsPerEpoch() {
        return (points + batchSize - 1) / batchSize;
    }

    /** The batch of a run's step (0-based), counted from its first step. */
    TrainingBatch batch(long step) {
        long epoch = step / stepsPerEpoch();
        int from = (int) (step % stepsPerEpoch()) * batchSize;
        int count = Math.min(batchSize, points - from);
        int[] shuffled = order(epoch);
        float[] batch = new float[2 * count];
        for (int i = 0; i < count; i++) {
            int p = shuffled[from + i];
            batch[2 * i] = xy[2 * p];
            batch[2 * i + 1] = xy[2 * p + 1];
        }
        return new TrainingBatch(batch, null, seed * 1_000_003L + step);
    }

    private int[] order(long epoch) {
        if (epoch != orderEpoch) {
            SplittableRandom random = new SplittableRandom(seed * 7_919L + epoch);
            order = new int[points];
            for (int i = 0; i < points; i++) {
                order[i] = i;
            }
            for (int i = points - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            orderEpoch = epoch;
        }
        return order;
    }
}
