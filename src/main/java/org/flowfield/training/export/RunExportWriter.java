package org.flowfield.training.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.flowfield.training.DurableFile;
import org.flowfield.training.EpochReport;
import org.flowfield.training.ProgressReport;
import org.flowfield.training.TrainingConfigCodec;
import org.flowfield.training.TrainingListener;
import org.flowfield.training.TrainingResult;
import org.flowfield.training.TrainingStart;

/**
 * Writes a run into a folder as it trains: {@code progress.csv}, {@code epochs.csv},
 * {@code samples-epoch-N.bin} and, when it finishes, {@code run.properties}. The checkpoint is
 * written beside them by the trainer's checkpoint policy ({@value RunExportFiles#CHECKPOINT}).
 */
public final class RunExportWriter implements TrainingListener {

    private final Path directory;
    private final List<String> progress = new ArrayList<>();
    private final List<String> epochs = new ArrayList<>();
    private String device = "";

    public RunExportWriter(Path directory) {
        this.directory = directory;
    }

    @Override
    public void onStart(TrainingStart start) {
        device = start.device();
        BatchLossFile.truncate(directory.resolve(RunExportFiles.BATCH_LOSSES), start.firstStep());
    }

    @Override
    public void onBatchLosses(long firstStep, float[] losses) {
        BatchLossFile.append(directory.resolve(RunExportFiles.BATCH_LOSSES), losses);
    }

    @Override
    public void onProgress(ProgressReport report) {
        progress.add(String.format(Locale.ROOT, "%d,%d,%d,%s,%s,%s,%s,%s", report.step(), report.epoch(), report.windowSteps(),
                report.loss(), report.logDet(), report.logPz(), report.learningRate(), report.stepsPerSecond()));
    }

    @Override
    public void onEpoch(EpochReport report) {
        String samples = RunExportFiles.samples(report.epoch());
        SampleSnapshot.write(directory.resolve(samples), report.samples(), report.sampleClasses());
        epochs.add(String.format(Locale.ROOT, "%d,%d,%s,%s,%s,%s", report.epoch(), report.step(), report.validation().loss(),
                report.validation().logDet(), report.validation().logPz(), samples));
        writeLines(RunExportFiles.EPOCHS, RunExportFiles.EPOCHS_HEADER, epochs);
        writeLines(RunExportFiles.PROGRESS, RunExportFiles.PROGRESS_HEADER, progress);
    }

    @Override
    public void onFinished(TrainingResult result) {
        writeLines(RunExportFiles.PROGRESS, RunExportFiles.PROGRESS_HEADER, progress);
        Properties properties = new Properties();
        for (Map.Entry<String, String> entry : TrainingConfigCodec.encode(result.config()).entrySet()) {
            properties.setProperty("config." + entry.getKey(), entry.getValue());
        }
        properties.setProperty("steps", Long.toString(result.steps()));
        properties.setProperty("trainingSeconds", Double.toString(result.trainingSeconds()));
        properties.setProperty("device", device);
        properties.setProperty("figures.heldOutNll", Double.toString(result.figures().heldOutNll()));
        properties.setProperty("figures.inRingFraction", Double.toString(result.figures().inRingFraction()));
        properties.setProperty("figures.slicedW2", Double.toString(result.figures().slicedW2()));
        if (result.figures().dataEntropy() != null) {
            properties.setProperty("figures.dataEntropy", Double.toString(result.figures().dataEntropy()));
            properties.setProperty("figures.outsideSupportFraction", Double.toString(result.figures().outsideSupportFraction()));
        }
        try {
            DurableFile.replace(directory.resolve(RunExportFiles.RUN), out -> {
                java.io.Writer writer = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
                properties.store(writer, "Flowfield run");
                writer.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + directory.resolve(RunExportFiles.RUN) + ": " + e.getMessage(), e);
        }
    }

    private void writeLines(String file, String header, List<String> lines) {
        try {
            DurableFile.replace(directory.resolve(file), out -> {
                java.io.Writer writer = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
                writer.write(header);
                writer.write(System.lineSeparator());
                for (String line : lines) {
                    writer.write(line);
                    writer.write(System.lineSeparator());
                }
                writer.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + directory.resolve(file) + ": " + e.getMessage(), e);
        }
    }
}
