package org.flowfield.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.flowfield.data.DataSetKind;
import org.flowfield.data.RingDataset;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.StepLoss;
import org.flowfield.flows.TrainingBatch;
import org.flowfield.flows.fm.FlowMatching;
import org.flowfield.flows.fm.FlowMatchingConfig;
import org.flowfield.flows.fm.FlowMatchingPack;
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
 * Packed flow-matching training on the CPU with one intra-op thread: K runs of the exercise's
 * network ({@link FlowMatchingConfig#EXERCISE} for {@code fm}, {@link FlowMatchingConfig#EXERCISE_CONDITIONAL}
 * for {@code cfm}) advanced by one {@link FlowMatchingPack#trainStep} on batches of 128.
 *
 * <p>The primary score is packed steps per second; the {@code memberSteps} counter is the
 * aggregate throughput, K × packed steps per second, to compare with one run's steps per second
 * ({@code K = 1} here, {@link TrainingStepBenchmark} for the model alone). Goal from the issue: at
 * least 2.5 times one run's throughput at K = 16 on a 2-core machine. Every member has its own
 * weights and cycles through the same 200 precomputed batches from its own offset, with its own
 * noise seeds.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true"})
@Warmup(iterations = 2, time = 4, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 4, timeUnit = TimeUnit.SECONDS)
@Threads(1)
public class FlowMatchingPackBenchmark {

    @State(Scope.Thread)
    public static class Packed {

        @Param({"fm", "cfm"})
        public String family;

        @Param({"1", "4", "16", "64"})
        public int members;

        private FlowMatchingPack pack;
        private float[][] xy;
        private int[][] labels;
        private double[] rates;
        private int next;
        private long noiseSeed;

        @Setup(Level.Trial)
        public void setUp() {
            TorchRuntime.start(1);
            TorchRuntime.get().useIntraOpThreads(1);
            boolean conditional = family.equals("cfm");
            FlowMatchingConfig config = conditional ? FlowMatchingConfig.EXERCISE_CONDITIONAL : FlowMatchingConfig.EXERCISE;
            int batches = TrainingStepBenchmark.BATCHES;
            int size = TrainingStepBenchmark.BATCH_SIZE;
            RingDataset data = RingDataset.training(conditional ? DataSetKind.CONDITIONAL : DataSetKind.UNCONDITIONAL,
                    size * batches, TrainingStepBenchmark.DATA_SEED);
            xy = new float[batches][];
            labels = new int[batches][];
            for (int b = 0; b < batches; b++) {
                int from = b * size;
                xy[b] = Arrays.copyOfRange(data.points().xy(), 2 * from, 2 * (from + size));
                labels[b] = conditional ? Arrays.copyOfRange(data.points().labels(), from, from + size) : null;
            }
            pack = new FlowMatchingPack(config, size);
            for (int i = 0; i < members; i++) {
                try (FlowMatching model = new FlowMatching(config, TrainingStepBenchmark.MODEL_SEED + i)) {
                    pack.join(model);
                }
            }
            rates = new double[members];
            Arrays.fill(rates, TrainingStepBenchmark.LEARNING_RATE);
        }

        /** OpenMP keeps the thread count per thread: set it on the thread that runs the steps. */
        @Setup(Level.Iteration)
        public void pinThreads() {
            TorchRuntime.get().useIntraOpThreads(1);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            if (pack != null) {
                pack.close();
                pack = null;
            }
        }

        StepLoss[] step() {
            TrainingBatch[] batches = new TrainingBatch[members];
            for (int i = 0; i < members; i++) {
                int b = (next + 7 * i) % xy.length;
                batches[i] = new TrainingBatch(xy[b], labels[b], noiseSeed++);
            }
            next = next + 1 == xy.length ? 0 : next + 1;
            return pack.trainStep(batches, rates);
        }
    }

    /** Member steps made, reported per second: the pack's aggregate throughput. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Aggregate {

        public long memberSteps;

        @Setup(Level.Iteration)
        public void reset() {
            memberSteps = 0;
        }
    }

    /** One packed step of every member. */
    @Benchmark
    public StepLoss[] packedStep(Packed packed, Aggregate aggregate) {
        aggregate.memberSteps += packed.members;
        return packed.step();
    }
}
