package org.flowfield.flows.fm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.FlowModel;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.ModelPack;
import org.flowfield.flows.ModelState;
import org.flowfield.flows.StepLoss;
import org.flowfield.flows.TrainingBatch;
import org.flowfield.flows.optim.StackedAdam;

/**
 * Flow-matching models of one network shape trained as one: member i's weights and Adam moments
 * are row i of [K, P] matrices, each step runs the equations of {@link FieldTraining} once over
 * [K, B, ·] tensors, and {@link StackedAdam} updates every row with the member's own rate and
 * step count.
 *
 * <p>Each member draws its training pairs on the CPU exactly as its model alone would
 * ({@link TrainingPairs}: its own batch, seed, source, σ_min and optimal-transport pairing). A step pads
 * the members' pairs to the longest batch of that step ({@link PairBatch}); a shorter batch's
 * padding is masked out of its loss and gradient, which are divided by its own number of points.
 */
public final class FlowMatchingPack implements ModelPack {

    private final FlowMatchingConfig shape;
    private final int batchSize;
    private final int parameterCount;
    private final NDManager manager;
    private final StackedAdam adam;
    private final List<TrainingPairs> pairs = new ArrayList<>();
    /** The equations over the current members' weights; rebuilt when members change, null when empty. */
    private FieldTraining training;

    /**
     * @param shape the members' network; its σ_min and optimal-transport setting are ignored (each
     *     member keeps its own)
     * @param batchSize the longest batch a member may step on
     */
    public FlowMatchingPack(FlowMatchingConfig shape, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.shape = shape;
        this.batchSize = batchSize;
        this.parameterCount = VectorFieldNetwork.layout(shape).size();
        this.manager = TorchRuntime.get().newManager();
        this.adam = new StackedAdam(manager, parameterCount);
    }

    @Override
    public ModelFamily family() {
        return shape.conditional() ? ModelFamily.CONDITIONAL_FLOW_MATCHING : ModelFamily.FLOW_MATCHING;
    }

    @Override
    public boolean fits(FlowModel model) {
        return model instanceof FlowMatching alone && alone.config().sameNetwork(shape);
    }

    @Override
    public int size() {
        return adam.rows();
    }

    @Override
    public int join(FlowModel model) {
        if (!fits(model)) {
            throw new IllegalArgumentException("a " + model.family().code() + " model of another shape cannot join a pack of "
                    + shape);
        }
        FlowMatching alone = (FlowMatching) model;
        ModelState state = alone.state();
        int slot = adam.add(state.parameters(), state.adamFirstMoment(), state.adamSecondMoment(), state.optimizerSteps(),
                alone.optimizer());
        pairs.add(new TrainingPairs(alone.config(), alone.source()));
        training = new FieldTraining(adam.parameters(), shape);
        return slot;
    }

    @Override
    public void leave(int slot) {
        adam.remove(slot);
        pairs.remove(slot);
        training = size() == 0 ? null : new FieldTraining(adam.parameters(), shape);
    }

    @Override
    public ModelState state(int slot) {
        return new ModelState(adam.parameters(slot), adam.firstMoment(slot), adam.secondMoment(slot), adam.steps(slot));
    }

    @Override
    public StepLoss[] trainStep(TrainingBatch[] batches, double[] learningRates) {
        int k = size();
        if (batches.length != k || learningRates.length != k) {
            throw new IllegalArgumentException("a pack of " + k + " steps on " + k + " batches with " + k
                    + " learning rates, got " + batches.length + " and " + learningRates.length);
        }
        if (k == 0) {
            return new StepLoss[0];
        }
        TrainingPairs.Draw[] draws = new TrainingPairs.Draw[k];
        for (int i = 0; i < k; i++) {
            TrainingBatch batch = batches[i];
            if (batch.size() < 1 || batch.size() > batchSize) {
                throw new IllegalArgumentException("member " + i + "'s batch has " + batch.size()
                        + " points; the pack takes 1 to " + batchSize);
            }
            if (shape.conditional() && (batch.labels() == null || batch.labels().length != batch.size())) {
                throw new IllegalArgumentException("a class-conditional model needs one class per point");
            }
            draws[i] = pairs.get(i).draw(batch.xy(), shape.conditional() ? batch.labels() : null, batch.noiseSeed(), 0,
                    batch.size());
        }
        try (NDManager step = manager.newSubManager()) {
            NDArray[] lossAndGradient = training.lossAndGradient(PairBatch.of(step, draws, shape));
            float[] losses = lossAndGradient[0].toFloatArray();
            adam.step(lossAndGradient[1], learningRates);
            StepLoss[] result = new StepLoss[k];
            for (int i = 0; i < k; i++) {
                result[i] = StepLoss.of(losses[i]);
            }
            return result;
        }
    }

    @Override
    public void close() {
        adam.close();
        manager.close();
    }
}
