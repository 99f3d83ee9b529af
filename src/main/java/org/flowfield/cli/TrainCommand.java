package org.flowfield.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Locale;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.FlowModel;
import org.flowfield.metrics.QualityEvaluator;
import org.flowfield.metrics.QualityFigures;
import org.flowfield.metrics.TransportFigures;
import org.flowfield.training.Checkpoint;
import org.flowfield.training.CheckpointFile;
import org.flowfield.training.CheckpointPolicy;
import org.flowfield.training.EpochReport;
import org.flowfield.training.ModelFactory;
import org.flowfield.training.ProgressReport;
import org.flowfield.training.RunData;
import org.flowfield.training.SettingWarnings;
import org.flowfield.training.Trainer;
import org.flowfield.training.TrainingConfig;
import org.flowfield.training.TrainingFailedException;
import org.flowfield.training.TrainingListener;
import org.flowfield.training.TrainingResult;
import org.flowfield.training.TrainingStart;
import org.flowfield.training.export.RunExportFiles;
import org.flowfield.training.export.RunExportWriter;

/**
 * {@code train --model nf|fm|cfm [--epochs E] [--points N] [--seed S] [--out DIR] [--<setting> VALUE …]}
 * (every run setting has its option, see {@link TrainArguments}): trains one model without the web server, prints progress, and ends with one JSON line of the run's figures.
 * Exit status: 0 on success, 2 for bad arguments, 1 when training fails.
 */
public final class TrainCommand {

    public static final String NAME = "train";

    private final PrintStream out;
    private final PrintStream err;

    public TrainCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String[] args) {
        TrainArguments arguments;
        try {
            arguments = TrainArguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("flowfield train: " + e.getMessage());
            err.println(TrainArguments.USAGE);
            return 2;
        }
        TrainingConfig config = arguments.config()
                .withReportEvery(Math.max(1, Math.min(TrainingConfig.DEFAULT_REPORT_EVERY * 10, arguments.config().points() / 128)));
        SettingWarnings.of(config).forEach(warning -> err.println("flowfield train: warning: " + warning));
        try {
            TorchRuntime.start(1);
            CheckpointPolicy checkpoints = null;
            TrainingListener listener = new ConsoleProgress();
            if (arguments.out() != null) {
                Files.createDirectories(arguments.out());
                checkpoints = new CheckpointPolicy(arguments.out().resolve(RunExportFiles.CHECKPOINT), 0);
                listener = TrainingListener.all(listener, new RunExportWriter(arguments.out()));
            }
            int evaluationThreads = Math.min(2, Runtime.getRuntime().availableProcessors());
            TrainingResult result = new Trainer(listener, null, checkpoints, evaluationThreads).train(config);
            TransportFigures transport = arguments.out() == null ? null : transport(arguments.out().resolve(RunExportFiles.CHECKPOINT));
            String json = json(result, transport);
            if (arguments.out() != null) {
                Files.writeString(arguments.out().resolve("result.json"), json + "\n");
            }
            out.println(json);
            return 0;
        } catch (TrainingFailedException | IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
            err.println("flowfield train: " + e.getMessage());
            return 1;
        }
    }

    /**
     * The exact W2 and normalized path energy of the trained model (docs/figures.md), computed as
     * the server's worker does, from the final checkpoint.
     */
    private static TransportFigures transport(java.nio.file.Path checkpointFile) {
        Checkpoint checkpoint = CheckpointFile.read(checkpointFile);
        try (FlowModel model = ModelFactory.restore(checkpoint)) {
            TrainingConfig config = checkpoint.config();
            return QualityEvaluator.transport(model, RunData.builtIn().heldOut(config, checkpoint.standardization()), config.classes());
        }
    }

    static String json(TrainingResult result, TransportFigures transport) {
        QualityFigures figures = result.figures();
        return String.format(Locale.ROOT,
                "{\"model\":\"%s\",\"data\":\"%s\",\"source\":\"%s\",\"epochs\":%d,\"points\":%d,\"seed\":%d,\"steps\":%d,\"train_seconds\":%s,"
                        + "\"train_steps_per_s\":%s,\"heldout_nll_nats\":%s,\"in_ring_fraction\":%s,\"sliced_w2\":%s,"
                        + "\"exact_w2\":%s,\"normalized_path_energy\":%s,\"device\":\"%s\"}",
                result.config().family().code(), result.config().dataSet().code(), result.config().source().code(),
                result.config().epochs(), result.config().points(),
                result.config().seed(), result.steps(), number(result.trainingSeconds()),
                number(result.stepsPerSecond()), number(figures.heldOutNll()), number(figures.inRingFraction()),
                number(figures.slicedW2()), transport == null ? "null" : number(transport.exactW2()),
                transport == null || transport.normalizedPathEnergy() == null ? "null" : number(transport.normalizedPathEnergy()),
                TorchRuntime.get().deviceName());
    }

    private static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "null";
    }

    /** Prints one line per progress report and per epoch. */
    private final class ConsoleProgress implements TrainingListener {
        @Override
        public void onStart(TrainingStart start) {
            out.printf(Locale.ROOT, "training %s on %s: %d points, %d epochs, %d steps%n",
                    start.config().family().title(), start.device(), start.trainingPoints(),
                    start.config().epochs(), start.totalSteps());
        }

        @Override
        public void onProgress(ProgressReport report) {
            out.printf(Locale.ROOT, "step %d/%d  epoch %d  loss %.4f  %.0f steps/s  %.0f s left%n",
                    report.step(), report.totalSteps(), report.epoch() + 1, report.loss(),
                    report.stepsPerSecond(), report.secondsLeft());
        }

        @Override
        public void onEpoch(EpochReport report) {
            out.printf(Locale.ROOT, "epoch %d done: validation loss %.4f%n", report.epoch() + 1, report.validation().loss());
        }
    }
}
