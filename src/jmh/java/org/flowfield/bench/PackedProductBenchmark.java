package org.flowfield.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.concurrent.TimeUnit;
import org.flowfield.engine.Tensors;
import org.flowfield.engine.TorchRuntime;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under a pack's step: one batched product of the shape packed training makes most,
 * members × [128 × width] by [width × width], on one intra-op thread. A flow-matching step of K
 * members makes nine of these at width 64 (three hidden layers forwards, their input gradients and
 * their weight gradients), so K / (9 × this product's time) bounds the pack's member steps per
 * second however cheap everything else becomes; a normalizing-flow step makes 13 per coupling
 * layer at width 16 (its log-scale and shift networks, 8 wide each, run as one block-diagonal
 * network; see {@code CouplingFlow}), most of them this shape. The primary score is products per second; the {@code flops} counter is
 * their rate in floating-point operations per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true"})
@Warmup(iterations = 2, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Threads(1)
@State(Scope.Thread)
public class PackedProductBenchmark {

    static final int ROWS = 128;

    @Param({"1", "16", "64"})
    public int members;

    /** 64: the exercise's vector field; 16: the exercise's two coupling networks of width 8 as one. */
    @Param({"16", "64"})
    public int width;

    private NDManager manager;
    private NDArray activations;
    private NDArray weights;

    /** Floating-point operations done, reported per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Rate {
        public long flops;
    }

    @Setup(Level.Trial)
    public void setUp() {
        TorchRuntime.start(1);
        TorchRuntime.get().useIntraOpThreads(1);
        manager = NDManager.newBaseManager();
        activations = manager.randomNormal(new Shape(members, ROWS, width));
        weights = manager.randomNormal(new Shape(members, width, width));
    }

    /** OpenMP keeps the thread count per thread: set it on the thread that runs the products. */
    @Setup(Level.Iteration)
    public void pinThreads() {
        TorchRuntime.get().useIntraOpThreads(1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        manager.close();
    }

    @Benchmark
    public void product(Rate rate) {
        Tensors.matmul(activations, weights).close();
        rate.flops += 2L * members * ROWS * width * width;
    }
}
