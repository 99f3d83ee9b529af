package org.flowfield.runs.settings;

/**
 * The bounds of a run's settings, one constant per bound, enforced by {@link RunSettingsValidator}
 * for the form and for the service alike. Every bound is inclusive.
 *
 * <p>They keep one run within what the shared server affords: the reference machine is a 2-core
 * CPU on which a run gets one core (see {@code QueueLimits}), and where the exercise's recipe
 * (250,000 points, 20 epochs, batch 128) takes about 60 s for the normalizing flow and 20 s for
 * flow matching. The per-field bounds stop nonsense and outsized values; the combined bounds
 * ({@link #MAX_POINT_EPOCHS}, {@link #MAX_LAYER_STEPS}, {@link #MAX_NETWORK_WEIGHTS},
 * {@link #MAX_TRAINING_WORK}, {@link #MAX_OPTIMAL_TRANSPORT_BATCH_SIZE}) stop settings that are
 * each reasonable but together cost hours; {@link RunCost} computes the quantities they bound.
 * The exercise's defaults lie well inside every bound.
 */
public final class RunLimits {

    private RunLimits() {}

    /**
     * Longest name, in UTF-16 code units (an emoji counts 2): enough to describe a run, short
     * enough for a list. It is the width of the {@code run.name} column (H2 counts a
     * {@code VARCHAR} in these units, PostgreSQL in characters, which are never more) and the
     * form's {@code maxlength} (which browsers count in these units too).
     */
    public static final int MAX_NAME_LENGTH = 80;

    /** Fewest training points: 100 per ring still shows the five rings; the smoke preset uses 2,000. */
    public static final int MIN_POINTS = 500;

    /** Most training points: four times the exercise's 250,000, about 8 MB of coordinates per run. */
    public static final int MAX_POINTS = 1_000_000;

    /** Fewest epochs: one pass over the points. */
    public static final int MIN_EPOCHS = 1;

    /**
     * Most epochs: five times the exercise's 20. Each epoch also validates on the 10,000 held-out
     * points and draws a sample snapshot, so epochs cost even when the points are few.
     */
    public static final int MAX_EPOCHS = 100;

    /** Smallest batch: smaller batches are all per-step overhead and gradient noise. */
    public static final int MIN_BATCH_SIZE = 8;

    /** Largest batch: 32 times the exercise's 128; the batch must also not exceed the points. */
    public static final int MAX_BATCH_SIZE = 4_096;

    /**
     * Largest batch with minibatch optimal transport: the exact assignment grows like the cube of
     * the batch. Measured on the reference CPU: 1.4 ms per batch of 128, 2.4 ms at 256 (about
     * 3 minutes of assignments at {@link #MAX_POINT_EPOCHS}), 19 ms at 512 and 146 ms at 1,024
     * (35 s per epoch of 250,000 points).
     */
    public static final int MAX_OPTIMAL_TRANSPORT_BATCH_SIZE = 256;

    /**
     * Smallest learning rate: 1/1,000 of the exercise's 1e-3; below it Adam barely moves in a run
     * the other bounds allow. The rate must be greater than 0 in any case.
     */
    public static final double MIN_LEARNING_RATE = 1e-6;

    /**
     * Largest learning rate: 100 times the exercise's 1e-3, far into divergence for these networks
     * yet room to show it; the core rejects rates of 1 or more.
     */
    public static final double MAX_LEARNING_RATE = 0.1;

    /** Smallest seed: seeds are non-negative, as on the command line and in the stored runs. */
    public static final long MIN_SEED = 0;

    /** Largest seed: any non-negative {@code long}. */
    public static final long MAX_SEED = Long.MAX_VALUE;

    /** Fewest coupling layers: one affine coupling transforms only one coordinate, yet it is a flow. */
    public static final int MIN_COUPLING_LAYERS = 1;

    /**
     * Most coupling layers: about four times the exercise's 15; the layers run one after another,
     * so depth makes every step slower (bounded together with the steps by {@link #MAX_LAYER_STEPS}).
     */
    public static final int MAX_COUPLING_LAYERS = 64;

    /** Narrowest coupling network: one hidden unit (the exercise uses 8). */
    public static final int MIN_NF_HIDDEN_WIDTH = 1;

    /** Widest coupling network: 32 times the exercise's 8 (with few layers; see {@link #MAX_NETWORK_WEIGHTS}). */
    public static final int MAX_NF_HIDDEN_WIDTH = 256;

    /** Fewest linear layers per coupling network: an input and an output layer, as the core requires. */
    public static final int MIN_NF_LINEAR_LAYERS = 2;

    /** Most linear layers per coupling network: twice the exercise's 5. */
    public static final int MAX_NF_LINEAR_LAYERS = 10;

    /** Narrowest vector field: 8, below which v(y, t) cannot represent the five rings' flow. */
    public static final int MIN_FM_HIDDEN_WIDTH = 8;

    /** Widest vector field: 8 times the exercise's 64 (with few layers; see {@link #MAX_NETWORK_WEIGHTS}). */
    public static final int MAX_FM_HIDDEN_WIDTH = 512;

    /** Fewest linear layers of the vector field: an input and an output layer, as the core requires. */
    public static final int MIN_FM_LINEAR_LAYERS = 2;

    /** Most linear layers of the vector field: twice the exercise's 5. */
    public static final int MAX_FM_LINEAR_LAYERS = 10;

    /** Smallest class embedding: one number per class. */
    public static final int MIN_EMBEDDING_DIM = 1;

    /** Largest class embedding: 8 times the exercise's 8, far more than five classes need. */
    public static final int MAX_EMBEDDING_DIM = 64;

    /** Smallest σ_min: 0, the exercise's linear path. */
    public static final double MIN_SIGMA_MIN = 0;

    /**
     * Largest σ_min: 0.5 already blurs every target point by half the standard normal's spread;
     * larger values only teach a blur.
     */
    public static final double MAX_SIGMA_MIN = 0.5;

    /** Smallest LeakyReLU slope: 0, a plain ReLU. */
    public static final double MIN_LEAKY_SLOPE = 0;

    /** Largest LeakyReLU slope: 0.5, beyond which the activation is nearly linear (the exercise uses 0.01). */
    public static final double MAX_LEAKY_SLOPE = 0.5;

    /** Smallest log-scale bound: 0, the exercise's unbounded log-scales. */
    public static final double MIN_LOG_SCALE_BOUND = 0;

    /** Largest log-scale bound: the core's, beyond which e^s overflows float32 anyway. */
    public static final double MAX_LOG_SCALE_BOUND = org.flowfield.flows.nf.CouplingFlowConfig.MAX_LOG_SCALE_BOUND;

    /** Smallest weight decay: 0, plain Adam. */
    public static final double MIN_WEIGHT_DECAY = 0;

    /** Largest weight decay: the core's 1, which already halves the weights in about 700 steps at lr 0.001. */
    public static final double MAX_WEIGHT_DECAY = org.flowfield.flows.optim.OptimizerSettings.MAX_WEIGHT_DECAY;

    /** Smallest gradient-norm limit: 0, no clipping. */
    public static final double MIN_MAX_GRADIENT_NORM = 0;

    /** Largest gradient-norm limit: 1,000, beyond which clipping no longer stops a diverging run. */
    public static final double MAX_MAX_GRADIENT_NORM = 1_000;

    /**
     * Most points × epochs, the number of point visits of a run: 20,000,000, four times the
     * exercise's 250,000 × 20 (so 1,000,000 points for 20 epochs, or 250,000 for 80). Data
     * handling, noise draws and the optimal-transport assignments grow with it.
     */
    public static final long MAX_POINT_EPOCHS = 20_000_000L;

    /**
     * Most optimizer steps × linear layers per step ({@link RunCost#layerSteps()}): 20,000,000.
     * With small batches a step's time is mostly per-layer overhead, and the layers of a step run
     * one after another (a normalizing flow runs coupling layers × linear layers, flow matching its
     * linear layers). The exercise's normalizing flow is 39,080 steps × 75 layers = 2,931,000, about
     * 60 s on the reference CPU, so the bound is about seven times that: some 7 minutes.
     */
    public static final long MAX_LAYER_STEPS = 20_000_000L;

    /**
     * Most trainable weights of the network ({@link RunCost#networkWeights()}): 200,000, about 15
     * times the exercise's models (7,230 for the normalizing flow, 12,866 for flow matching, 13,418
     * class-conditional). It bounds the cost of what is done after training independent of the
     * points: sampling, and the exact likelihood, which integrates 10,000 points over 200 RK4
     * steps. Flow matching of width 256 with 5 linear layers (198,914 weights) fits; width 512
     * fits with 2 linear layers.
     */
    public static final long MAX_NETWORK_WEIGHTS = 200_000L;

    /**
     * Most network weights × points × epochs ({@link RunCost#trainingWork()}), the arithmetic of
     * training (about 6 floating-point operations each): 10^12, about 15 times the exercise's flow
     * matching (12,866 × 5,000,000 ≈ 6.4 × 10^10) and some minutes of one core. The exercise's
     * recipe fits with the widest 5-layer vector field the size bound allows.
     */
    public static final long MAX_TRAINING_WORK = 1_000_000_000_000L;
}
