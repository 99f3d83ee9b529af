package org.flowfield.flows;

import org.flowfield.data.PointCloud;

/**
 * A trainable 2-D generative flow: a normalizing flow or a flow-matching vector field.
 *
 * <p>All points are in the standardised coordinates the model sees (docs/data.md). Implementations
 * hold native memory and are not thread-safe; one training run owns one model.
 */
public interface FlowModel extends AutoCloseable {

    ModelFamily family();

    /** One optimisation step (loss, hand-derived gradient, Adam update) on a batch. */
    StepLoss trainStep(TrainingBatch batch, double learningRate);

    /** The training objective on a fixed set of points, without updating anything. */
    StepLoss validationLoss(PointCloud points, long seed);

    /**
     * Draws samples with the sampler docs/figures.md prescribes for the family.
     *
     * @param count number of points
     * @param classes class of each sample for conditional models (length count), else null
     * @param seed seed of the prior draw
     * @return samples [count × 2] interleaved
     */
    float[] sample(int count, int[] classes, long seed);

    /** Whether {@link #logLikelihood} is defined (not for flow matching from a data set). */
    default boolean hasLikelihood() {
        return true;
    }

    /** Exact log p(x) (log p(x | c) for conditional models) of each point, in nats. */
    double[] logLikelihood(PointCloud points);

    ModelState state();

    void restore(ModelState state);

    @Override
    void close();
}
