package org.flowfield.flows;

/**
 * Several models of one shape trained as one: every weight, activation and optimizer moment
 * carries a leading member axis and every product is a batched one, so that one step advances
 * every member for little more than the cost of one model's step. Everything else stays each
 * member's own: its batches, learning rate, Adam step count and (for flow matching) the way its
 * training pairs are drawn. A member's losses are those its model would give alone, to float32
 * rounding. Members join and leave between steps.
 *
 * <p>Slots: the members are numbered 0..size−1 in the order they joined; when one leaves, the
 * later ones move down by one. Implementations hold native memory and are not thread-safe.
 */
public interface ModelPack extends AutoCloseable {

    ModelFamily family();

    /** Whether a model can join: its family and network shape are the pack's. */
    boolean fits(FlowModel model);

    int size();

    /**
     * Adds a member that continues exactly where the model is: its weights, its optimizer's state
     * and (for flow matching) how it draws its training pairs. The model itself is not kept.
     *
     * @return the member's slot, {@code size() − 1}
     * @throws IllegalArgumentException when the model does not fit
     */
    int join(FlowModel model);

    /** Removes a member; later members move down by one slot. */
    void leave(int slot);

    /** A member's weights and optimizer state, as {@link FlowModel#state()} would give them. */
    ModelState state(int slot);

    /**
     * One optimisation step of every member: member i steps on {@code batches[i]} with rate
     * {@code learningRates[i]}. A batch may be shorter than the others (the last of an epoch);
     * only its own points count, as in a step of the model alone. A member whose loss is not
     * finite does not disturb the others.
     *
     * @return each member's loss
     */
    StepLoss[] trainStep(TrainingBatch[] batches, double[] learningRates);

    @Override
    void close();
}
