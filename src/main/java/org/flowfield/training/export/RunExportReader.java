package org.flowfield.training.export;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.flowfield.metrics.QualityEvaluator;
import org.flowfield.metrics.QualityFigures;
import org.flowfield.training.ProgressReport;
import org.flowfield.training.TrainingConfig;
import org.flowfield.training.TrainingConfigCodec;

/** Reads a folder written by {@link RunExportWriter}. */
public final class RunExportReader {

    private RunExportReader() {}

    /** Whether the folder holds a finished run. */
    public static boolean isRun(Path directory) {
        return Files.isRegularFile(directory.resolve(RunExportFiles.RUN))
                && Files.isRegularFile(directory.resolve(RunExportFiles.CHECKPOINT));
    }

    public static ExportedRun read(Path directory) {
        try {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(directory.resolve(RunExportFiles.RUN))) {
                properties.load(in);
            }
            Map<String, String> config = new LinkedHashMap<>();
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith("config.")) {
                    config.put(key.substring("config.".length()), properties.getProperty(key));
                }
            }
            TrainingConfig trainingConfig = TrainingConfigCodec.decode(config);
            QualityFigures figures = new QualityFigures(
                    number(properties, "figures.heldOutNll"), number(properties, "figures.inRingFraction"),
                    number(properties, "figures.slicedW2"), QualityEvaluator.likelihoodMethod(trainingConfig.family()),
                    QualityEvaluator.sampler(trainingConfig.family()), optionalNumber(properties, "figures.dataEntropy"),
                    optionalNumber(properties, "figures.outsideSupportFraction"), null, null);
            long steps = Long.parseLong(required(properties, "steps"));
            long total = trainingConfig.totalSteps();
            List<ProgressReport> progress = new ArrayList<>();
            for (String[] row : rows(directory.resolve(RunExportFiles.PROGRESS))) {
                progress.add(new ProgressReport(Long.parseLong(row[0]), total, Integer.parseInt(row[1]), Integer.parseInt(row[2]),
                        Double.parseDouble(row[3]), Double.parseDouble(row[4]), Double.parseDouble(row[5]),
                        Double.parseDouble(row[6]), Double.parseDouble(row[7])));
            }
            List<ExportedRun.Epoch> epochs = new ArrayList<>();
            for (String[] row : rows(directory.resolve(RunExportFiles.EPOCHS))) {
                Path samples = directory.resolve(row[5]).normalize();
                if (!samples.startsWith(directory.normalize())) {
                    throw new IOException("sample file outside the run's folder: " + row[5]);
                }
                epochs.add(new ExportedRun.Epoch(Integer.parseInt(row[0]), Long.parseLong(row[1]), Double.parseDouble(row[2]),
                        Double.parseDouble(row[3]), Double.parseDouble(row[4]), samples));
            }
            return new ExportedRun(trainingConfig, figures, steps, number(properties, "trainingSeconds"),
                    properties.getProperty("device", ""), progress, epochs, directory.resolve(RunExportFiles.CHECKPOINT),
                    directory.resolve(RunExportFiles.BATCH_LOSSES));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the run in " + directory + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the run in " + directory + " is malformed: " + e.getMessage(), e);
        }
    }

    private static List<String[]> rows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.split(",", -1));
            }
        }
        return rows;
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("missing '" + key + "'");
        }
        return value;
    }

    /** A figure written only for some runs (the data's entropy: only where its density is known); null when absent. */
    private static Double optionalNumber(Properties properties, String key) {
        return properties.getProperty(key) == null ? null : number(properties, key);
    }

    private static double number(Properties properties, String key) {
        return Double.parseDouble(required(properties, key));
    }
}
