package org.flowfield.flows.fm;

import org.flowfield.data.OlympicRings;
import org.flowfield.flows.Activation;

/**
 * A flow-matching model: its vector-field network and how its training pairs are drawn.
 *
 * @param hiddenWidth width of every hidden linear layer of v(y, t)
 * @param linearLayers number of linear layers (at least 2), LeakyReLU between them
 * @param leakySlope negative slope of the LeakyReLU
 * @param conditional whether v also reads the class c through an embedding (exercise §4.3)
 * @param embeddingDim size of the class embedding (used only when conditional)
 * @param sigmaMin σ_min of the Gaussian probability path (Lipman et al. 2023, Eqs. 20–23;
 *     docs/equations.md); 0 gives the exercise's linear path of Eq. 14
 * @param minibatchOptimalTransport pair noise and data within each batch by an exact optimal
 *     assignment (Tong et al. 2024, minibatch OT; docs/equations.md) instead of independently
 * @param classes number of classes the embedding holds (used only when conditional): the data set's
 * @param activation the nonlinearity between linear layers; null means the exercise's LeakyReLU
 * @param transportWithinClasses with minibatch optimal transport in a class-conditional model,
 *     solve one assignment per class among the batch's points of that class, so that noise is
 *     never paired with a point of another class; ignored otherwise
 * @param pathSigma σ of the constant-width Gaussian path y_t = t·y₁ + (1 − t)·y₀ + σ·ε of Tong et
 *     al. (2024) instead of Lipman et al.'s σ_min path; 0 (the default) keeps the σ_min path
 */
public record FlowMatchingConfig(
        int hiddenWidth,
        int linearLayers,
        double leakySlope,
        boolean conditional,
        int embeddingDim,
        double sigmaMin,
        boolean minibatchOptimalTransport,
        int classes,
        Activation activation,
        boolean transportWithinClasses,
        double pathSigma) {

    /** The exercise's recommendation: 5 linear layers of width 64 with LeakyReLU. */
    public static final FlowMatchingConfig EXERCISE = new FlowMatchingConfig(64, 5, 0.01, false, 8, 0, false);

    /** Largest σ of the constant-width path: as wide as the standard normal itself. */
    public static final double MAX_PATH_SIGMA = 1;

    /** The same network with the class mixed in through an embedding of size 8. */
    public static final FlowMatchingConfig EXERCISE_CONDITIONAL = EXERCISE.withConditional(true);

    /** The exercise's LeakyReLU network, with optimal transport (if chosen) across the whole batch. */
    public FlowMatchingConfig(int hiddenWidth, int linearLayers, double leakySlope, boolean conditional, int embeddingDim,
            double sigmaMin, boolean minibatchOptimalTransport) {
        this(hiddenWidth, linearLayers, leakySlope, conditional, embeddingDim, sigmaMin, minibatchOptimalTransport,
                OlympicRings.NUM_CLASSES, Activation.LEAKY_RELU, false, 0);
    }

    /** The exercise's LeakyReLU network for a data set of {@code classes} classes. */
    public FlowMatchingConfig(int hiddenWidth, int linearLayers, double leakySlope, boolean conditional, int embeddingDim,
            double sigmaMin, boolean minibatchOptimalTransport, int classes) {
        this(hiddenWidth, linearLayers, leakySlope, conditional, embeddingDim, sigmaMin, minibatchOptimalTransport,
                classes, Activation.LEAKY_RELU, false, 0);
    }

    /** A network for the Olympic rings' five classes. */
    public FlowMatchingConfig(int hiddenWidth, int linearLayers, double leakySlope, boolean conditional, int embeddingDim,
            double sigmaMin, boolean minibatchOptimalTransport, Activation activation, boolean transportWithinClasses) {
        this(hiddenWidth, linearLayers, leakySlope, conditional, embeddingDim, sigmaMin, minibatchOptimalTransport,
                OlympicRings.NUM_CLASSES, activation, transportWithinClasses, 0);
    }

    public FlowMatchingConfig {
        if (hiddenWidth < 1) {
            throw new IllegalArgumentException("hidden width must be at least 1, got " + hiddenWidth);
        }
        if (linearLayers < 2) {
            throw new IllegalArgumentException("the vector field needs at least 2 linear layers, got " + linearLayers);
        }
        if (!(leakySlope >= 0 && leakySlope < 1)) {
            throw new IllegalArgumentException("LeakyReLU slope must be in [0, 1), got " + leakySlope);
        }
        if (embeddingDim < 1) {
            throw new IllegalArgumentException("class embedding size must be at least 1, got " + embeddingDim);
        }
        if (!(sigmaMin >= 0 && sigmaMin < 1)) {
            throw new IllegalArgumentException("sigma_min must be in [0, 1), got " + sigmaMin);
        }
        if (!(pathSigma >= 0 && pathSigma <= MAX_PATH_SIGMA)) {
            throw new IllegalArgumentException("path σ must be in [0, " + MAX_PATH_SIGMA + "], got " + pathSigma);
        }
        if (pathSigma > 0 && sigmaMin > 0) {
            throw new IllegalArgumentException("a path has either σ_min (Lipman et al.) or a constant σ (Tong et al.), not both");
        }
        if (classes < 1) {
            throw new IllegalArgumentException("a class embedding needs at least one class, got " + classes);
        }
        activation = activation == null ? Activation.LEAKY_RELU : activation;
    }

    public FlowMatchingConfig withConditional(boolean value) {
        return new FlowMatchingConfig(hiddenWidth, linearLayers, leakySlope, value, embeddingDim, sigmaMin, minibatchOptimalTransport,
                classes, activation, transportWithinClasses, pathSigma);
    }

    public FlowMatchingConfig withSigmaMin(double value) {
        return new FlowMatchingConfig(hiddenWidth, linearLayers, leakySlope, conditional, embeddingDim, value, minibatchOptimalTransport,
                classes, activation, transportWithinClasses, pathSigma);
    }

    public FlowMatchingConfig withMinibatchOptimalTransport(boolean value) {
        return new FlowMatchingConfig(hiddenWidth, linearLayers, leakySlope, conditional, embeddingDim, sigmaMin, value,
                classes, activation, transportWithinClasses, pathSigma);
    }

    public FlowMatchingConfig withActivation(Activation value) {
        return new FlowMatchingConfig(hiddenWidth, linearLayers, leakySlope, conditional, embeddingDim, sigmaMin,
                minibatchOptimalTransport, classes, value, transportWithinClasses, pathSigma);
    }

    public FlowMatchingConfig withTransportWithinClasses(boolean value) {
        return new FlowMatchingConfig(hiddenWidth, linearLayers, leakySlope, conditional, embeddingDim, sigmaMin,
                minibatchOptimalTransport, classes, activation, value, pathSigma);
    }

    public FlowMatchingConfig withPathSigma(double value) {
        return new FlowMatchingConfig(hiddenWidth, linearLayers, leakySlope, conditional, embeddingDim, sigmaMin,
                minibatchOptimalTransport, classes, activation, transportWithinClasses, value);
    }

    public FlowMatchingConfig withClasses(int value) {
        return new FlowMatchingConfig(hiddenWidth, linearLayers, leakySlope, conditional, embeddingDim, sigmaMin,
                minibatchOptimalTransport, value, activation, transportWithinClasses, pathSigma);
    }

    /** Whether training pairs are drawn by one optimal assignment per class of the batch. */
    public boolean pairsWithinClasses() {
        return conditional && minibatchOptimalTransport && transportWithinClasses;
    }

    /**
     * Why this pairing may hurt, or null: minibatch optimal transport across the classes of a
     * class-conditional model pairs noise with points of other classes than the one the network
     * is told, which is known to make conditional models worse.
     */
    public String pairingWarning() {
        if (conditional && minibatchOptimalTransport && !transportWithinClasses) {
            return "Minibatch optimal transport pairs noise with data across classes, so the network learns paths "
                    + "that end in another class than the one it is told; class-conditional models get worse. "
                    + "Pair within classes instead.";
        }
        return null;
    }

    /**
     * Whether both configurations describe the same network: width, layers, activation, slope,
     * conditioning and (for conditional networks) embedding size and classes. How training pairs are drawn
     * does not count.
     */
    boolean sameNetwork(FlowMatchingConfig other) {
        return hiddenWidth == other.hiddenWidth && linearLayers == other.linearLayers
                && activation == other.activation
                && Double.compare(leakySlope, other.leakySlope) == 0 && conditional == other.conditional
                && (!conditional || embeddingDim == other.embeddingDim && classes == other.classes);
    }

    /** Inputs of the first linear layer: y (2), t (1) and, if conditional, the class embedding. */
    int inputWidth() {
        return 3 + (conditional ? embeddingDim : 0);
    }
}
