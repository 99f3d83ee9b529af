package org.flowfield.flows.nf;

/**
 * The architecture of a normalizing flow of affine coupling layers (exercise §3.3).
 *
 * @param couplingLayers number of affine coupling layers L, with a permutation between each two
 * @param hiddenWidth width of the hidden layers of each of the two networks per coupling layer
 * @param linearLayers number of linear layers of each network (at least 2)
 * @param leakySlope negative slope of the LeakyReLU between linear layers
 */
public record CouplingFlowConfig(int couplingLayers, int hiddenWidth, int linearLayers, double leakySlope) {

    /** The exercise's recommendation: 15 coupling layers, 5 linears of width 8, LeakyReLU(0.01). */
    public static final CouplingFlowConfig EXERCISE = new CouplingFlowConfig(15, 8, 5, 0.01);

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
    }
}
