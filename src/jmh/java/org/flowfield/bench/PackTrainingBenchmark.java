package org.flowfield.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.flowfield.data.RingDataset;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.FlowModel;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.ModelPack;
import org.flowfield.flows.StepLoss;
import org.flowfield.flows.TrainingBatch;
import org.flowfield.flows.nf.CouplingFlow;
import org.flowfield.flows.nf.CouplingFlowConfig;
import org.flowfield.flows.nf.CouplingFlowPack;
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
 * Training throughput of a pack of {@code members} runs of one family on the CPU with one
 * intra-op thread, with the exercise's architectures and batches of 128, as in
 * {@link TrainingStepBenchmark}. The primary score is packed steps per second; the secondary
 * score {@code memberSteps} is the aggregate throughput, members × packed steps per second, to
 * compare with one run's steps per second ({@code members = 1}, or {@link TrainingStepBenchmark}).
 *
 * <p>Each member has its own rings data set, model seed and learning rate, and cycles through its
 * own {@value #BATCHES} batches. A family joins the benchmark by adding its case to
 * {@link #newModel} and {@link #newPack}.
 *
 * <p>Goals from the issue on a 2-core machine: aggregate throughput at least 6 times one run's at
 * 16 members and 12 times at 64.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true"})
@Warmup(iterations = 3, time = 5, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 5, timeUnit = TimeUnit.SECONDS)
@Threads(1)
@State(Scope.Thread)
public class PackTrainingBenchmark {

    static final int BATCHES = 50;

    @Param({"nf"})
    public String family;

    @Param({"1", "4", "16", "64"})
    public int members;

    private ModelPack pack;
    private TrainingBatch[][] batches;
    private double[] learningRates;
    private int next;
    private long noiseSeed;

    /** Member steps made, reported per second: the aggregate throughput. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Throughput {
        public long memberSteps;
    }

    @Setup(Level.Trial)
    public void setUp() {
        TorchRuntime.start(1);
        TorchRuntime.get().useIntraOpThreads(1);
        ModelFamily kind = ModelFamily.ofCode(family);
        pack = newPack(kind);
        batches = new TrainingBatch[members][];
        learningRates = new double[members];
        for (int m = 0; m < members; m++) {
            try (FlowModel model = newModel(kind, TrainingStepBenchmark.MODEL_SEED + m)) {
                pack.join(model);
            }
            batches[m] = batches(kind, TrainingStepBenchmark.DATA_SEED + m);
            learningRates[m] = TrainingStepBenchmark.LEARNING_RATE * (1 + m % 4) / 2;
        }
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

    /** One step of every member. */
    @Benchmark
    public StepLoss[] step(Throughput throughput) {
        int b = next;
        next = b + 1 == BATCHES ? 0 : b + 1;
        TrainingBatch[] step = new TrainingBatch[members];
        for (int m = 0; m < members; m++) {
            TrainingBatch batch = batches[m][b];
            step[m] = new TrainingBatch(batch.xy(), batch.labels(), noiseSeed++);
        }
        throughput.memberSteps += members;
        return pack.trainStep(step, learningRates);
    }

    private static FlowModel newModel(ModelFamily family, long seed) {
        return switch (family) {
            case NORMALIZING_FLOW -> new CouplingFlow(CouplingFlowConfig.EXERCISE, seed);
            default -> throw new IllegalArgumentException("no pack benchmark for " + family.code() + " yet");
        };
    }

    private static ModelPack newPack(ModelFamily family) {
        return switch (family) {
            case NORMALIZING_FLOW -> new CouplingFlowPack(CouplingFlowConfig.EXERCISE, TrainingStepBenchmark.BATCH_SIZE);
            default -> throw new IllegalArgumentException("no pack benchmark for " + family.code() + " yet");
        };
    }

    /** A member's own data set, cut into {@value #BATCHES} batches. */
    private static TrainingBatch[] batches(ModelFamily family, long seed) {
        int size = TrainingStepBenchmark.BATCH_SIZE;
        RingDataset data = RingDataset.training(family.dataSet(), size * BATCHES, seed);
        float[] xy = data.points().xy();
        int[] labels = data.points().labels();
        TrainingBatch[] result = new TrainingBatch[BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            int from = b * size;
            result[b] = new TrainingBatch(Arrays.copyOfRange(xy, 2 * from, 2 * (from + size)),
                    labels == null ? null : Arrays.copyOfRange(labels, from, from + size), 0);
        }
        return result;
    }
}
