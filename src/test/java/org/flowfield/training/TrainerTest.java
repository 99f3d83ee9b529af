package org.flowfield.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.flowfield.data.RingDataset;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.FlowModel;
import org.flowfield.flows.ModelFamily;
import org.flowfield.metrics.InRingFraction;
import org.flowfield.metrics.QualityEvaluator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrainerTest {

    @TempDir
    Path directory;

    @BeforeAll
    static void engine() {
        TorchRuntime.start(1);
    }

    private static TrainingConfig small(ModelFamily family, int points, int epochs) {
        return TrainingConfig.exercise(family, 42).withPoints(points).withEpochs(epochs).withReportEvery(1);
    }

    /** Records every report a run makes. */
    private static final class Recorder implements TrainingListener {
        final List<ProgressReport> progress = new ArrayList<>();
        final List<EpochReport> epochs = new ArrayList<>();
        TrainingStart start;
        TrainingResult finished;

        @Override
        public void onStart(TrainingStart value) {
            start = value;
        }

        @Override
        public void onProgress(ProgressReport report) {
            progress.add(report);
        }

        @Override
        public void onEpoch(EpochReport report) {
            epochs.add(report);
        }

        @Override
        public void onFinished(TrainingResult result) {
            finished = result;
        }

        double meanLoss(int from, int to) {
            return progress.subList(from, to).stream().mapToDouble(ProgressReport::loss).average().orElseThrow();
        }
    }

    @ParameterizedTest
    @EnumSource(ModelFamily.class)
    void aShortTrainingLowersTheLossAndRaisesTheInRingFraction(ModelFamily family) {
        boolean flowMatching = family != ModelFamily.NORMALIZING_FLOW;
        // flow-matching steps are five times cheaper, and its rings sharpen more slowly per step
        int batchesPerEpoch = flowMatching ? 500 : 250;
        TrainingConfig config = small(family, 128 * batchesPerEpoch, 10);
        double untrainedInRing;
        try (FlowModel untrained = ModelFactory.create(config)) {
            RingDataset data = RingDataset.training(family.dataSet(), config.points(), config.seed());
            int[] classes = family.conditional() ? QualityEvaluator.cyclingClasses(2_000) : null;
            untrainedInRing = InRingFraction.of(untrained.sample(2_000, classes, 1), data.standardization());
        }
        Recorder recorder = new Recorder();
        TrainingResult result = new Trainer(recorder, null, null).train(config);

        assertThat(result.outcome()).isEqualTo(TrainingResult.Outcome.FINISHED);
        int steps = 10 * batchesPerEpoch;
        assertThat(result.steps()).isEqualTo(steps);
        assertThat(recorder.progress).hasSize(steps);
        assertThat(recorder.meanLoss(steps - 200, steps)).isLessThan(recorder.meanLoss(0, 200));
        assertThat(result.figures().inRingFraction()).as("in-ring fraction, untrained %s", untrainedInRing)
                .isGreaterThan(untrainedInRing + (flowMatching ? 0.1 : 0.2));
        assertThat(recorder.finished).isEqualTo(result);
        assertThat(recorder.epochs).hasSize(10);
        assertThat(recorder.epochs.get(9).samples()).hasSize(2 * Trainer.SNAPSHOT_POINTS);
        if (family == ModelFamily.NORMALIZING_FLOW) {
            ProgressReport last = recorder.progress.get(recorder.progress.size() - 1);
            assertThat(last.loss()).isCloseTo(-(last.logDet() + last.logPz()), org.assertj.core.api.Assertions.within(1e-9));
            // the validation loss of a normalizing flow is the held-out NLL
            assertThat(recorder.epochs.get(9).validation().loss())
                    .isCloseTo(result.figures().heldOutNll(), org.assertj.core.api.Assertions.within(1e-4));
        }
    }

    @Test
    void aRunCancelledMidEpochAndResumedEndsExactlyLikeTheUninterruptedRun() {
        TrainingConfig config = small(ModelFamily.NORMALIZING_FLOW, 128 * 20, 3);
        Path whole = directory.resolve("whole.bin");
        TrainingResult uninterrupted = new Trainer(null, null, new CheckpointPolicy(whole, 0)).train(config);

        Path interrupted = directory.resolve("interrupted.bin");
        Cancellation cancellation = new Cancellation();
        TrainingListener cancelAtStep27 = new TrainingListener() {
            @Override
            public void onProgress(ProgressReport report) {
                if (report.step() == 27) {
                    cancellation.request();
                }
            }
        };
        TrainingResult cancelled = new Trainer(cancelAtStep27, cancellation, new CheckpointPolicy(interrupted, 0)).train(config);
        assertThat(cancelled.outcome()).isEqualTo(TrainingResult.Outcome.CANCELLED);
        Checkpoint checkpoint = CheckpointFile.read(interrupted);
        assertThat(checkpoint.step()).isEqualTo(27);
        assertThat(checkpoint.nextEpoch()).isEqualTo(1);
        assertThat(checkpoint.nextStepInEpoch()).isEqualTo(7);

        TrainingResult resumed = new Trainer(null, null, new CheckpointPolicy(interrupted, 0)).resume(checkpoint);
        assertThat(resumed.steps()).isEqualTo(uninterrupted.steps());
        assertThat(resumed.figures()).isEqualTo(uninterrupted.figures());
        assertThat(CheckpointFile.read(interrupted).model().parameters())
                .containsExactly(CheckpointFile.read(whole).model().parameters());
    }

    @Test
    void aConditionalRunResumedFromAMidEpochCheckpointEndsWithTheSameFigures() throws IOException {
        TrainingConfig config = small(ModelFamily.CONDITIONAL_FLOW_MATCHING, 128 * 10, 2);
        TrainingResult uninterrupted = new Trainer(null, null, null).train(config);

        Path live = directory.resolve("live.bin");
        Path atStep13 = directory.resolve("step13.bin");
        TrainingListener keepStep13 = new TrainingListener() {
            @Override
            public void onCheckpoint(Path checkpoint, long step) {
                if (step == 13) {
                    try {
                        Files.copy(checkpoint, atStep13, StandardCopyOption.REPLACE_EXISTING);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };
        new Trainer(keepStep13, null, new CheckpointPolicy(live, 13)).train(config);
        Checkpoint checkpoint = CheckpointFile.read(atStep13);
        assertThat(checkpoint.nextEpoch()).isEqualTo(1);
        assertThat(checkpoint.nextStepInEpoch()).isEqualTo(3);

        TrainingResult resumed = new Trainer(null, null, null).resume(checkpoint);
        assertThat(resumed.figures()).isEqualTo(uninterrupted.figures());
    }

    @Test
    void aCheckpointThatCannotBeWrittenFailsTheRunWithAClearMessage() throws IOException {
        Path notADirectory = Files.writeString(directory.resolve("plain-file"), "x");
        TrainingConfig config = small(ModelFamily.FLOW_MATCHING, 128 * 2, 1);
        assertThatThrownBy(() -> new Trainer(null, null, new CheckpointPolicy(notADirectory.resolve("run.bin"), 0)).train(config))
                .isInstanceOf(TrainingFailedException.class)
                .hasMessageContaining("could not write checkpoint")
                .hasMessageContaining("run.bin");
    }

    @Test
    void aRunWhoseLossBecomesNonFiniteFailsWithThatReason() {
        // a learning rate of 0.9 throws the coupling layers' log-scales far enough to overflow
        TrainingConfig config = new TrainingConfig(ModelFamily.NORMALIZING_FLOW, null, null, 128 * 50, 5, 128, 0.9,
                LearningRateSchedule.CONSTANT, 1, 1);
        assertThatThrownBy(() -> new Trainer(null, null, null).train(config))
                .isInstanceOf(TrainingFailedException.class)
                .hasMessageMatching("the loss became (NaN|Infinity|-Infinity) at step \\d+ \\(epoch \\d+\\)\\. .*")
                .hasMessageContaining("log-scale, which nothing bounds")
                .hasMessageContaining("Try bounding the log-scale (log-scale bound 3) and clipping gradients "
                        + "(max gradient norm 1), or lowering the learning rate (0.45 instead of 0.9).");
    }

    @Test
    void aFailedRunSuggestsOnlyTheSettingsItDoesNotUseYet() {
        TrainingConfig bounded = new TrainingConfig(ModelFamily.NORMALIZING_FLOW,
                org.flowfield.flows.nf.CouplingFlowConfig.EXERCISE.withLogScaleBound(3), null, 128 * 50, 5, 128, 0.9,
                LearningRateSchedule.CONSTANT, 1, 1, new org.flowfield.flows.optim.OptimizerSettings(0, 1));
        assertThatThrownBy(() -> new Trainer(null, null, null).train(bounded))
                .isInstanceOf(TrainingFailedException.class)
                .hasMessageContaining("a step moved its weights so far")
                .hasMessageEndingWith("Try lowering the learning rate (0.45 instead of 0.9).");
    }

    @Test
    void aCheckpointRoundTripsEveryField() {
        TrainingConfig config = small(ModelFamily.CONDITIONAL_FLOW_MATCHING, 500, 3)
                .withFlowMatching(org.flowfield.flows.fm.FlowMatchingConfig.EXERCISE_CONDITIONAL.withSigmaMin(0.01).withMinibatchOptimalTransport(true));
        Checkpoint original = new Checkpoint(config, new org.flowfield.data.Standardization(1.5, -0.25, 1.25, 0.75), 2, 17, 123, 4.5,
                new org.flowfield.flows.ModelState(new float[] {1, 2, 3}, new float[] {0.1f, 0.2f, 0.3f}, new float[] {4, 5, 6}, 99));
        Path file = directory.resolve("roundtrip.bin");
        CheckpointFile.write(file, original);
        Checkpoint read = CheckpointFile.read(file);
        assertThat(read.config()).isEqualTo(original.config());
        assertThat(read.standardization()).isEqualTo(original.standardization());
        assertThat(read.model().parameters()).containsExactly(1, 2, 3);
        assertThat(read.model().adamFirstMoment()).containsExactly(0.1f, 0.2f, 0.3f);
        assertThat(read.model().adamSecondMoment()).containsExactly(4, 5, 6);
        assertThat(read.model().optimizerSteps()).isEqualTo(99);
        assertThat(List.of(read.nextEpoch(), read.nextStepInEpoch())).containsExactly(2, 17);
        assertThat(read.step()).isEqualTo(123);
        assertThat(read.trainingSeconds()).isEqualTo(4.5);
        assertThat(directory).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void cosineAnnealingFallsFromTheBaseRateTowardsZeroOverTheEpochs() {
        assertThat(LearningRateSchedule.COSINE.rate(1e-3, 0, 20)).isEqualTo(1e-3);
        assertThat(LearningRateSchedule.COSINE.rate(1e-3, 10, 20)).isCloseTo(5e-4, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(LearningRateSchedule.COSINE.rate(1e-3, 19, 20)).isCloseTo(1e-3 * (1 + Math.cos(Math.PI * 19 / 20)) / 2,
                org.assertj.core.api.Assertions.within(1e-18));
        assertThat(LearningRateSchedule.CONSTANT.rate(1e-3, 19, 20)).isEqualTo(1e-3);
    }
}
