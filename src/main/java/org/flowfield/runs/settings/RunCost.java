package org.flowfield.runs.settings;

import org.flowfield.data.OlympicRings;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.fm.FlowMatchingConfig;
import org.flowfield.flows.nf.CouplingFlowConfig;
import org.flowfield.training.TrainingConfig;

/**
 * What a run costs, in the quantities the combined bounds of {@link RunLimits} limit. Also useful
 * to show before a run starts ("39,080 steps").
 *
 * @param pointEpochs points × epochs, the point visits of training
 * @param optimizerSteps ⌈points ÷ batch⌉ × epochs
 * @param layersPerStep linear layers a step runs one after another: coupling layers × linear
 *     layers for a normalizing flow (the two networks of a coupling layer run side by side), the
 *     linear layers of the vector field for flow matching
 * @param layerSteps optimizer steps × layers per step
 * @param networkWeights trainable weights and biases of the model (and the class embedding)
 * @param trainingWork network weights × points × epochs
 */
public record RunCost(
        long pointEpochs, long optimizerSteps, int layersPerStep, long layerSteps, long networkWeights, long trainingWork) {

    /** The cost of a configuration. */
    public static RunCost of(TrainingConfig config) {
        boolean nf = config.family() == ModelFamily.NORMALIZING_FLOW;
        CouplingFlowConfig flow = config.couplingFlow();
        FlowMatchingConfig field = config.flowMatching();
        int layers = nf
                ? layersPerStep(config.family(), flow.couplingLayers(), flow.linearLayers())
                : layersPerStep(config.family(), 1, field.linearLayers());
        long weights = nf
                ? couplingFlowWeights(flow.couplingLayers(), flow.hiddenWidth(), flow.linearLayers())
                : vectorFieldWeights(field.hiddenWidth(), field.linearLayers(), field.conditional(), field.embeddingDim());
        long pointEpochs = pointEpochs(config.points(), config.epochs());
        long steps = optimizerSteps(config.points(), config.batchSize(), config.epochs());
        return new RunCost(pointEpochs, steps, layers, Math.multiplyExact(steps, layers), weights,
                Math.multiplyExact(weights, pointEpochs));
    }

    /** points × epochs. */
    public static long pointEpochs(int points, int epochs) {
        return (long) points * epochs;
    }

    /** ⌈points ÷ batch⌉ × epochs, as {@link TrainingConfig#totalSteps()} counts them. */
    public static long optimizerSteps(int points, int batchSize, int epochs) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        return (((long) points + batchSize - 1) / batchSize) * epochs;
    }

    /**
     * Linear layers a step runs one after another.
     *
     * @param couplingLayers coupling layers (ignored for flow matching)
     * @param linearLayers linear layers of a coupling network, or of the vector field
     */
    public static int layersPerStep(ModelFamily family, int couplingLayers, int linearLayers) {
        return family == ModelFamily.NORMALIZING_FLOW ? Math.multiplyExact(couplingLayers, linearLayers) : linearLayers;
    }

    /**
     * Trainable weights of a normalizing flow: per coupling layer a log-scale and a shift network,
     * each 1 → width → … → width → 1 with {@code linearLayers} linear layers.
     */
    public static long couplingFlowWeights(int couplingLayers, int hiddenWidth, int linearLayers) {
        long h = hiddenWidth;
        long network = (h + h) + (linearLayers - 2L) * (h * h + h) + (h + 1);
        return couplingLayers * 2L * network;
    }

    /**
     * Trainable weights of a vector field v(y, t[, c]): input y, t (and, if conditional, the class
     * embedding) → width → … → width → 2 with {@code linearLayers} linear layers, plus the
     * embedding table of the five classes.
     */
    public static long vectorFieldWeights(int hiddenWidth, int linearLayers, boolean conditional, int embeddingDim) {
        long h = hiddenWidth;
        long inputs = 3 + (conditional ? embeddingDim : 0);
        long embedding = conditional ? (long) OlympicRings.NUM_CLASSES * embeddingDim : 0;
        return (inputs * h + h) + (linearLayers - 2L) * (h * h + h) + (2 * h + 2) + embedding;
    }
}
