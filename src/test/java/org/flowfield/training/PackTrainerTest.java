package org.flowfield.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.FlowModel;
import org.flowfield.flows.ModelFamily;
import org.flowfield.testing.SameRun;
import org.flowfield.training.export.BatchLossFile;
import org.flowfield.training.export.RunExportWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs trained together in packs end as they would alone: the same batch losses at every step to
 * float32 rounding, and figures within 0.01 nats, 0.005 in-ring and 0.003 sliced W2, whoever else
 * shares their pack, whenever they join, whoever leaves, fails or is cancelled, and across a
 * checkpoint and a resume in another pack.
 */
class PackTrainerTest {

    @TempDir
    Path directory;

    @BeforeAll
    static void engine() {
        TorchRuntime.start(1);
    }

    private static TrainingConfig run(ModelFamily family, long seed, int points, int epochs, double learningRate) {
        TrainingConfig exercise = TrainingConfig.exercise(family, seed).withPoints(points).withEpochs(epochs);
        return new TrainingConfig(family, exercise.couplingFlow(), exercise.flowMatching(), points, epochs, exercise.batchSize(),
                learningRate, exercise.schedule(), seed, exercise.reportEvery());
    }

    private record Outcome(TrainingResult result, float[] batchLosses) {}

    private Outcome alone(TrainingConfig config, String name) throws Exception {
        Path folder = Files.createDirectories(directory.resolve("alone-" + name));
        TrainingResult result = new Trainer(new RunExportWriter(folder), null, null).train(config);
        return new Outcome(result, BatchLossFile.read(folder.resolve("batch-losses.bin")));
    }

    /** Trains the run in the pool on a thread of its own, as a job's worker does. */
    private CompletableFuture<Outcome> inPack(PackPool pool, TrainingConfig config, String name, TrainingListener extra,
            Cancellation cancellation, Checkpoint from) throws Exception {
        Path folder = Files.createDirectories(directory.resolve("pack-" + name));
        TrainingListener listener = extra == null ? new RunExportWriter(folder) : TrainingListener.all(new RunExportWriter(folder), extra);
        CheckpointPolicy checkpoints = new CheckpointPolicy(folder.resolve("checkpoint.bin"), 0);
        return CompletableFuture.supplyAsync(() -> {
            RunLoop loop = from == null ? RunLoop.fresh(config, listener, cancellation, checkpoints)
                    : RunLoop.resumed(from, listener, cancellation, checkpoints);
            try (FlowModel model = from == null ? ModelFactory.create(config) : ModelFactory.restore(from)) {
                TrainingResult result = pool.train(loop, model, 1, (pack, members) -> {});
                return new Outcome(result, BatchLossFile.read(folder.resolve("batch-losses.bin")));
            }
        });
    }

    private static void assertSame(Outcome packed, Outcome alone) {
        SameRun.assertSameLosses(packed.batchLosses(), alone.batchLosses());
        assertThat(packed.result().outcome()).isEqualTo(TrainingResult.Outcome.FINISHED);
        SameRun.assertSameFigures(SameRun.Figures.of(packed.result().figures()), SameRun.Figures.of(alone.result().figures()));
    }

    @Test
    void runsOfEachFamilyInOnePackWithOtherSeedsRatesPointsAndEpochsEndAsAlone() throws Exception {
        for (ModelFamily family : ModelFamily.values()) {
            List<TrainingConfig> configs = List.of(run(family, 1, 3_000, 2, 1e-3), run(family, 2, 2_300, 3, 3e-3));
            try (PackPool pool = new PackPool(8, ModelFactory::pack)) {
                List<CompletableFuture<Outcome>> packed = new ArrayList<>();
                for (int i = 0; i < configs.size(); i++) {
                    packed.add(inPack(pool, configs.get(i), family.code() + i, null, null, null));
                }
                for (int i = 0; i < configs.size(); i++) {
                    assertSame(packed.get(i).get(5, TimeUnit.MINUTES), alone(configs.get(i), family.code() + i));
                }
            }
        }
    }

    @Test
    void aRunJoiningMidwayAndOneCancelledLeaveTheOthersNumbersUnchanged() throws Exception {
        TrainingConfig first = run(ModelFamily.NORMALIZING_FLOW, 11, 4_000, 2, 1e-3);
        TrainingConfig late = run(ModelFamily.NORMALIZING_FLOW, 12, 2_000, 2, 2e-3);
        TrainingConfig cancelled = run(ModelFamily.NORMALIZING_FLOW, 13, 4_000, 2, 1e-3);
        try (PackPool pool = new PackPool(8, ModelFactory::pack)) {
            CountDownLatch firstAtStep20 = new CountDownLatch(1);
            Cancellation cancel = new Cancellation();
            TrainingListener watchFirst = new TrainingListener() {
                @Override
                public void onBatchLosses(long firstStep, float[] losses) {
                    if (firstStep + losses.length > 20) {
                        firstAtStep20.countDown();
                    }
                }
            };
            TrainingListener cancelAt10 = new TrainingListener() {
                @Override
                public void onBatchLosses(long firstStep, float[] losses) {
                    if (firstStep + losses.length > 10) {
                        cancel.request();
                    }
                }
            };
            CompletableFuture<Outcome> a = inPack(pool, first, "first", watchFirst, null, null);
            CompletableFuture<Outcome> c = inPack(pool, cancelled, "cancelled", cancelAt10, cancel, null);
            assertThat(firstAtStep20.await(2, TimeUnit.MINUTES)).isTrue();
            CompletableFuture<Outcome> b = inPack(pool, late, "late", null, null, null);

            assertThat(c.get(5, TimeUnit.MINUTES).result().outcome()).isEqualTo(TrainingResult.Outcome.CANCELLED);
            assertSame(a.get(5, TimeUnit.MINUTES), alone(first, "first"));
            assertSame(b.get(5, TimeUnit.MINUTES), alone(late, "late"));
        }
    }

    @Test
    void aRunLearnsItsPackWhenItJoinsAndThatItIsInNoneOnceItHasLeftForItsFigures() throws Exception {
        TrainingConfig config = run(ModelFamily.NORMALIZING_FLOW, 61, 2_000, 1, 1e-3);
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (PackPool pool = new PackPool(8, ModelFactory::pack);
                FlowModel model = ModelFactory.create(config)) {
            RunLoop loop = RunLoop.fresh(config, new TrainingListener() {}, null, null);
            TrainingResult result = pool.train(loop, model, 1, (pack, members) -> told.add(pack == null ? "none" : "pack of " + members));

            assertThat(result.outcome()).isEqualTo(TrainingResult.Outcome.FINISHED);
        }
        assertThat(told).containsExactly("pack of 1", "none");
    }

    @Test
    void aRunWhoseLossBlowsUpFailsAloneAndItsPackMatesGoOn() throws Exception {
        TrainingConfig sound = run(ModelFamily.NORMALIZING_FLOW, 21, 3_000, 2, 1e-3);
        TrainingConfig exploding = new TrainingConfig(ModelFamily.NORMALIZING_FLOW, sound.couplingFlow(), null, 128 * 50, 5, 128, 0.9,
                LearningRateSchedule.CONSTANT, 1, 1);
        try (PackPool pool = new PackPool(8, ModelFactory::pack)) {
            CompletableFuture<Outcome> a = inPack(pool, sound, "sound", null, null, null);
            CompletableFuture<Outcome> b = inPack(pool, exploding, "exploding", null, null, null);

            assertThatThrownBy(() -> b.get(5, TimeUnit.MINUTES)).hasCauseInstanceOf(TrainingFailedException.class)
                    .hasMessageContaining("the loss became");
            assertSame(a.get(5, TimeUnit.MINUTES), alone(sound, "sound"));
        }
    }

    @Test
    void aPackedRunCheckpointedAndResumedInAnotherPackEndsAsAlone() throws Exception {
        TrainingConfig interrupted = run(ModelFamily.NORMALIZING_FLOW, 31, 5_000, 3, 1e-3);
        TrainingConfig companion = run(ModelFamily.NORMALIZING_FLOW, 32, 3_000, 2, 2e-3);
        Cancellation cancel = new Cancellation();
        TrainingListener cancelAt60 = new TrainingListener() {
            @Override
            public void onBatchLosses(long firstStep, float[] losses) {
                if (firstStep + losses.length > 60) {
                    cancel.request();
                }
            }
        };
        try (PackPool pool = new PackPool(8, ModelFactory::pack)) {
            CompletableFuture<Outcome> companionRun = inPack(pool, companion, "companion", null, null, null);
            Outcome stopped = inPack(pool, interrupted, "interrupted", cancelAt60, cancel, null).get(5, TimeUnit.MINUTES);
            assertThat(stopped.result().outcome()).isEqualTo(TrainingResult.Outcome.CANCELLED);
            assertSame(companionRun.get(5, TimeUnit.MINUTES), alone(companion, "companion"));
        }
        Checkpoint checkpoint = CheckpointFile.read(directory.resolve("pack-interrupted").resolve("checkpoint.bin"));
        assertThat(checkpoint.step()).isBetween(61L, 120L);
        try (PackPool other = new PackPool(8, ModelFactory::pack)) {
            CompletableFuture<Outcome> newMate = inPack(other, run(ModelFamily.NORMALIZING_FLOW, 33, 2_000, 2, 1e-3), "mate", null, null, null);
            Outcome resumed = inPack(other, interrupted, "interrupted", null, null, checkpoint).get(5, TimeUnit.MINUTES);
            assertSame(resumed, alone(interrupted, "interrupted"));
            assertThat(newMate.get(5, TimeUnit.MINUTES).result().outcome()).isEqualTo(TrainingResult.Outcome.FINISHED);
        }
    }

    @Test
    void aRunResumedAfterItsLastStepOnlyComputesItsFigures() throws Exception {
        TrainingConfig config = run(ModelFamily.NORMALIZING_FLOW, 41, 2_000, 2, 1e-3);
        Outcome alone = alone(config, "done");
        Path folder = Files.createDirectories(directory.resolve("done-first"));
        new Trainer(new RunExportWriter(folder), null, new CheckpointPolicy(folder.resolve("checkpoint.bin"), 0)).train(config);
        Checkpoint last = CheckpointFile.read(folder.resolve("checkpoint.bin"));
        assertThat(last.nextEpoch()).isEqualTo(config.epochs());

        try (PackPool pool = new PackPool(8, ModelFactory::pack)) {
            CompletableFuture<Outcome> mate = inPack(pool, run(ModelFamily.NORMALIZING_FLOW, 42, 3_000, 2, 1e-3), "mate-of-done",
                    null, null, null);
            Outcome resumed = inPack(pool, config, "done", null, null, last).get(5, TimeUnit.MINUTES);
            assertThat(resumed.result().steps()).as("no step beyond the last").isEqualTo(config.totalSteps());
            assertThat(resumed.result().figures()).isEqualTo(alone.result().figures());
            assertThat(mate.get(5, TimeUnit.MINUTES).result().outcome()).isEqualTo(TrainingResult.Outcome.FINISHED);
        }
    }
}
