package org.flowfield.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.concurrent.TimeUnit;
import org.flowfield.engine.Tensors;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.nf.CouplingFlowConfig;
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
 * The batched products of one training step of a pack of {@code members} normalizing flows with
 * the exercise's architecture, and nothing else, on one intra-op thread: the part of
 * {@link PackTrainingBenchmark}'s step that no reordering of the elementwise work can remove.
 *
 * <p>Per coupling layer, with w twice the hidden width (the log-scale and shift networks run as
 * one block-diagonal network) and k linears: the k − 2 hidden products and the output product
 * forwards; the output's and the k − 2 hidden input gradients; the k weight gradients but the
 * first's, which is a product with one column. That is 3k − 2 products, with the operands
 * transposed as the training step passes them. The primary score is steps' worth of products per
 * second; {@code memberSteps} is members times that, the most member steps per second a pack of
 * this size could reach if everything but its products were free.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true"})
@Warmup(iterations = 2, time = 3, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 3, timeUnit = TimeUnit.SECONDS)
@Threads(1)
@State(Scope.Thread)
public class CouplingProductsBenchmark {

    static final int ROWS = 128;
    static final CouplingFlowConfig CONFIG = CouplingFlowConfig.EXERCISE;

    @Param({"1", "16", "64"})
    public int members;

    private NDManager manager;
    /** [M, B, w] activations and hidden output gradients, [M, B, 2] output gradients. */
    private NDArray hidden;
    private NDArray outputGradient;
    /** [M, w, w] and [M, 2, w] weights, as stored: [out, in]. */
    private NDArray hiddenWeight;
    private NDArray outputWeight;
    /** [M, B, 1]: the network's input, the first linear's. */
    private NDArray input;

    /** Member steps per second that the products alone allow. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Rate {
        public long memberSteps;
    }

    @Setup(Level.Trial)
    public void setUp() {
        TorchRuntime.start(1);
        TorchRuntime.get().useIntraOpThreads(1);
        int width = 2 * CONFIG.hiddenWidth();
        manager = NDManager.newBaseManager();
        hidden = manager.randomNormal(new Shape(members, ROWS, width));
        outputGradient = manager.randomNormal(new Shape(members, ROWS, 2));
        hiddenWeight = manager.randomNormal(new Shape(members, width, width));
        outputWeight = manager.randomNormal(new Shape(members, 2, width));
        input = manager.randomNormal(new Shape(members, ROWS, 1));
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
    public void stepProducts(Rate rate) {
        int hiddenProducts = CONFIG.linearLayers() - 2;
        try (NDManager step = manager.newSubManager()) {
            NDArray activations = Tensors.borrow(hidden, step);
            NDArray gradients = Tensors.borrow(outputGradient, step);
            NDArray hiddenAsStored = Tensors.borrow(hiddenWeight, step);
            NDArray outputAsStored = Tensors.borrow(outputWeight, step);
            NDArray weight = Tensors.swapAxes(hiddenAsStored, -2, -1);
            NDArray output = Tensors.swapAxes(outputAsStored, -2, -1);
            NDArray firstInput = Tensors.borrow(input, step);
            NDArray activationsTransposed = Tensors.swapAxes(activations, -2, -1);
            NDArray gradientsTransposed = Tensors.swapAxes(gradients, -2, -1);
            for (int l = 0; l < CONFIG.couplingLayers(); l++) {
                for (int j = 0; j < hiddenProducts; j++) {
                    Tensors.matmul(activations, weight).close();
                }
                Tensors.matmul(activations, output).close();
                Tensors.matmul(gradients, outputAsStored).close();
                for (int j = 0; j < hiddenProducts; j++) {
                    Tensors.matmul(activations, hiddenAsStored).close();
                }
                Tensors.matmul(gradientsTransposed, activations).close();
                for (int j = 0; j < hiddenProducts; j++) {
                    Tensors.matmul(activationsTransposed, activations).close();
                }
                Tensors.matmul(activationsTransposed, firstInput).close();
            }
        }
        rate.memberSteps += members;
    }
}
