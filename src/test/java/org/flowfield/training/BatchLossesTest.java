package org.flowfield.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.ModelFamily;
import org.flowfield.training.export.BatchLossFile;
import org.flowfield.training.export.RunExportFiles;
import org.flowfield.training.export.RunExportWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchLossesTest {

    @TempDir
    Path directory;

    @BeforeAll
    static void engine() {
        TorchRuntime.start(1);
    }

    /** 10 batches per epoch, 2 epochs, progress every 7 steps: windows do not divide the epochs. */
    private static TrainingConfig config() {
        return TrainingConfig.exercise(ModelFamily.NORMALIZING_FLOW, 7).withPoints(128 * 10).withEpochs(2).withReportEvery(7);
    }

    @Test
    void everyBatchLossArrivesOnceInOrderAndEachWindowsMeanIsItsProgressLoss() {
        List<Long> firstSteps = new ArrayList<>();
        List<Float> losses = new ArrayList<>();
        List<ProgressReport> progress = new ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void onBatchLosses(long firstStep, float[] batch) {
                firstSteps.add(firstStep);
                assertThat(firstStep).isEqualTo(losses.size() + 1);
                for (float loss : batch) {
                    losses.add(loss);
                }
            }

            @Override
            public void onProgress(ProgressReport report) {
                assertThat(losses).hasSize((int) report.step());
                progress.add(report);
            }
        };

        new Trainer(recorder, null, null).train(config());

        assertThat(losses).hasSize(20);
        assertThat(firstSteps).first().isEqualTo(1L);
        for (ProgressReport report : progress) {
            double mean = 0;
            for (long step = report.step() - report.windowSteps(); step < report.step(); step++) {
                mean += losses.get((int) step);
            }
            assertThat(mean / report.windowSteps()).isCloseTo(report.loss(), within(1e-6 * Math.abs(report.loss())));
        }
    }

    @Test
    void aRunStoppedBetweenTwoReportsAndResumedRecordsTheSameBatchLossesAsTheUninterruptedRun() throws Exception {
        Path whole = directory.resolve("whole");
        new Trainer(new RunExportWriter(whole), null, new CheckpointPolicy(whole.resolve("checkpoint.bin"), 0)).train(config());

        Path interrupted = directory.resolve("interrupted");
        Path checkpointFile = interrupted.resolve("checkpoint.bin");
        Cancellation cancellation = new Cancellation();
        TrainingListener stopAtStep5 = new TrainingListener() {
            @Override
            public void onCheckpoint(Path checkpoint, long step) {
                if (step == 5) {
                    cancellation.request();
                }
            }
        };
        new Trainer(TrainingListener.all(new RunExportWriter(interrupted), stopAtStep5), cancellation,
                new CheckpointPolicy(checkpointFile, 5)).train(config());
        Path losses = interrupted.resolve(RunExportFiles.BATCH_LOSSES);
        assertThat(BatchLossFile.read(losses)).hasSize(5);
        // a crash after the checkpoint may leave losses of steps the resumed run will redo
        BatchLossFile.append(losses, new float[] {9f, 9f, 9f});

        new Trainer(new RunExportWriter(interrupted), null, new CheckpointPolicy(checkpointFile, 5))
                .resume(CheckpointFile.read(checkpointFile));

        assertThat(Files.readAllBytes(losses)).isEqualTo(Files.readAllBytes(whole.resolve(RunExportFiles.BATCH_LOSSES)));
        assertThat(BatchLossFile.read(losses)).hasSize(20);
    }
}
