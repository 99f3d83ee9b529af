package org.flowfield.flows.nf;

import org.flowfield.flows.Activation;

/**
 * The architecture of a normalizing flow of affine coupling layers (exercise §3.3).
 *
 * @param couplingLayers number of affine coupling layers L, with a permutation between each two
 * @param hiddenWidth width of the hidden layers of each of the two networks per coupling layer
 * @param linearLayers number of linear layers of each network (at least 2)
 * @param leakySlope negative slope of the LeakyReLU between linear layers (read only by LeakyReLU)
 * @param activation the nonlinearity between linear layers; null means the exercise's LeakyReLU
 * @param logScaleBound b of the soft bound log ŝ = b·tanh(log ŝ_raw / b) on every layer's
 *     log-scale; 0 leaves the log-scales unbounded, as the exercise writes them
 */
public record CouplingFlowConfig(
        int couplingLayers, int hiddenWidth, int linearLayers, double leakySlope, Activation activation,
        double logScaleBound) {

    /** The exercise's recommendation: 15 coupling layers, 5 linears of width 8, LeakyReLU(0.01). */
    public static final CouplingFlowConfig EXERCISE = new CouplingFlowConfig(15, 8, 5, 0.01);

    /** The largest soft bound accepted; beyond it exp(b) leaves single precision. */
    public static final double MAX_LOG_SCALE_BOUND = 80;

    /** The exercise's network (LeakyReLU, unbounded log-scales) of this shape. */
    public CouplingFlowConfig(int couplingLayers, int hiddenWidth, int linearLayers, double leakySlope) {
        this(couplingLayers, hiddenWidth, linearLayers, leakySlope, Activation.LEAKY_RELU, 0);
    }

    public CouplingFlowConfig {
        if (couplingLayers < 1) {
            throw new IllegalArgumentException("a flow needs at least one coupling layer, got " + couplingLayers);
        }
        if (hiddenWidth < 1) {
            throw new IllegalArgumentException("hidden width must be at least 1, got " + hiddenWidth);
        }
        if (linearLayers < 2) {
            throw new IllegalArgumentException("each network needs at least 2 linear layers, got " + linearLayers);
        }
        if (!(leakySlope >= 0 && leakySlope < 1)) {
            throw new IllegalArgumentException("LeakyReLU slope must be in [0, 1), got " + leakySlope);
        }
        activation = activation == null ? Activation.LEAKY_RELU : activation;
        if (!(logScaleBound >= 0 && logScaleBound <= MAX_LOG_SCALE_BOUND)) {
            throw new IllegalArgumentException(
                    "the log-scale bound must be 0 (unbounded) or at most " + MAX_LOG_SCALE_BOUND + ", got " + logScaleBound);
        }
    }

    public CouplingFlowConfig withActivation(Activation value) {
        return new CouplingFlowConfig(couplingLayers, hiddenWidth, linearLayers, leakySlope, value, logScaleBound);
    }

    public CouplingFlowConfig withLogScaleBound(double value) {
        return new CouplingFlowConfig(couplingLayers, hiddenWidth, linearLayers, leakySlope, activation, value);
    }

    /** Whether the log-scales are softly bounded (b &gt; 0). */
    public boolean boundedLogScale() {
        return logScaleBound > 0;
    }
}
