package org.flowfield.bench;

import java.util.concurrent.TimeUnit;
import org.flowfield.data.DataSetKind;
import org.flowfield.data.PointCloud;
import org.flowfield.data.RingDataset;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.fm.FlowMatching;
import org.flowfield.flows.fm.FlowMatchingConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Seconds for the two figures every flow-matching run reports, on the CPU with two intra-op
 * threads (the machines have two cores), with the exercise's default vector-field network:
 *
 * <ul>
 *   <li>{@code sample10kEuler1000}: drawing 10,000 samples, Euler with Δt = 1/1000 (1,000 steps).
 *       Goal from the issue: under 2 s.
 *   <li>{@code nll10kRk4}: the exact log-likelihood of the 10,000 held-out points, RK4 with 200
 *       steps and the exact divergence. Goal from the issue: under 10 s.
 * </ul>
 *
 * <p>The model is untrained: both integrations take a fixed number of steps whose cost does not
 * depend on the weights, so training it first would only lengthen the set-up.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Threads(1)
@State(Scope.Thread)
public class SamplingBenchmark {

    static final int INTRA_OP_THREADS = 2;
    static final int SAMPLES = 10_000;
    static final long DATA_SEED = 20240611L;
    static final long MODEL_SEED = 7L;

    private FlowMatching model;
    private PointCloud heldOut;
    private long sampleSeed;

    @Setup(Level.Trial)
    public void setUp() {
        TorchRuntime.start(INTRA_OP_THREADS);
        TorchRuntime.get().useIntraOpThreads(INTRA_OP_THREADS);
        // only the training set's statistics are needed, to standardise the held-out points
        RingDataset training = RingDataset.training(DataSetKind.UNCONDITIONAL, 25_600, DATA_SEED);
        heldOut = RingDataset.heldOut(DataSetKind.UNCONDITIONAL, DATA_SEED, training.standardization()).points();
        model = new FlowMatching(FlowMatchingConfig.EXERCISE, MODEL_SEED);
    }

    /** OpenMP keeps the thread count per thread: set it on the thread that runs the integration. */
    @Setup(Level.Iteration)
    public void pinThreads() {
        TorchRuntime.get().useIntraOpThreads(INTRA_OP_THREADS);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (model != null) {
            model.close();
            model = null;
        }
    }

    /** 10,000 samples, Euler, 1,000 steps. */
    @Benchmark
    public float[] sample10kEuler1000() {
        return model.sample(SAMPLES, null, sampleSeed++);
    }

    /** Exact NLL of the 10,000 held-out points, RK4, 200 steps. */
    @Benchmark
    public double[] nll10kRk4() {
        return model.logLikelihood(heldOut);
    }
}
