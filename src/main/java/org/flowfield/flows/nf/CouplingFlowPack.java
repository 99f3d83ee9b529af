package org.flowfield.flows.nf;

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
import org.flowfield.flows.optim.OptimizerSettings;

/**
 * Coupling flows of one architecture and batch size trained as one: a {@link CouplingFlowStack}
 * of its members, the computation a {@link CouplingFlow} makes alone, with a member axis. A
 * member's steps, losses and state are those of its flow trained alone, to float32 rounding.
 *
 * <p>A join or a leave rebuilds the stack from the members' states (a few tens of kilobytes
 * each) and releases the old one.
 */
public final class CouplingFlowPack implements ModelPack {

    private final CouplingFlowConfig config;
    private final int batchSize;
    private final NDManager manager;
    /** null while the pack is empty. */
    private CouplingFlowStack stack;
    /** Each member's weight decay and clipping, by slot. */
    private List<OptimizerSettings> optimizers = List.of();

    /**
     * @param config the architecture every member has
     * @param batchSize the largest batch a member steps on; shorter batches are padded to it
     */
    public CouplingFlowPack(CouplingFlowConfig config, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.config = config;
        this.batchSize = batchSize;
        this.manager = TorchRuntime.get().newManager();
    }

    @Override
    public ModelFamily family() {
        return ModelFamily.NORMALIZING_FLOW;
    }

    @Override
    public boolean fits(FlowModel model) {
        return model instanceof CouplingFlow flow && flow.config().equals(config);
    }

    @Override
    public int size() {
        return stack == null ? 0 : stack.members();
    }

    @Override
    public int join(FlowModel model) {
        if (!fits(model)) {
            throw new IllegalArgumentException("only a coupling flow of architecture " + config + " can join this pack");
        }
        List<ModelState> states = states();
        states.add(model.state());
        List<OptimizerSettings> nextOptimizers = new ArrayList<>(optimizers);
        nextOptimizers.add(((CouplingFlow) model).optimizer());
        rebuild(states, nextOptimizers);
        return states.size() - 1;
    }

    @Override
    public void leave(int slot) {
        checkSlot(slot);
        List<ModelState> states = states();
        states.remove(slot);
        List<OptimizerSettings> nextOptimizers = new ArrayList<>(optimizers);
        nextOptimizers.remove(slot);
        rebuild(states, nextOptimizers);
    }

    @Override
    public ModelState state(int slot) {
        checkSlot(slot);
        return stack.state(slot);
    }

    @Override
    public StepLoss[] trainStep(TrainingBatch[] batches, double[] learningRates) {
        int members = size();
        if (batches.length != members || learningRates.length != members) {
            throw new IllegalArgumentException("a pack of " + members + " needs as many batches and learning rates, got "
                    + batches.length + " and " + learningRates.length);
        }
        if (members == 0) {
            return new StepLoss[0];
        }
        float[][] xy = new float[members][];
        for (int m = 0; m < members; m++) {
            xy[m] = batches[m].xy();
        }
        return stack.trainStep(xy, batchSize, learningRates);
    }

    private List<ModelState> states() {
        List<ModelState> states = new ArrayList<>();
        for (int m = 0; m < size(); m++) {
            states.add(stack.state(m));
        }
        return states;
    }

    private void rebuild(List<ModelState> states, List<OptimizerSettings> nextOptimizers) {
        CouplingFlowStack rebuilt = states.isEmpty() ? null : new CouplingFlowStack(config, states, nextOptimizers, manager);
        if (stack != null) {
            stack.close();
        }
        stack = rebuilt;
        optimizers = List.copyOf(nextOptimizers);
    }

    private void checkSlot(int slot) {
        if (slot < 0 || slot >= size()) {
            throw new IndexOutOfBoundsException("no slot " + slot + " in a pack of " + size());
        }
    }

    @Override
    public void close() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
        manager.close();
    }
}
