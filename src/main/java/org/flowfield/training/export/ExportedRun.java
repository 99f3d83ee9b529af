package org.flowfield.training.export;

import java.nio.file.Path;
import java.util.List;
import org.flowfield.metrics.QualityFigures;
import org.flowfield.training.ProgressReport;
import org.flowfield.training.TrainingConfig;

/**
 * A finished run as a folder of files (see {@link RunExportWriter}): enough to show it in full
 * and to continue from its checkpoint.
 *
 * @param config every hyper-parameter and the seed
 * @param figures the figures of docs/figures.md
 * @param steps optimizer steps done
 * @param trainingSeconds the training loop's wall time
 * @param device where it trained
 * @param progress the loss series
 * @param epochs each epoch's validation loss, with its snapshot file
 * @param checkpoint the checkpoint file
 * @param batchLosses the file with every batch's loss (see {@link BatchLossFile}); absent in older exports
 */
public record ExportedRun(
        TrainingConfig config,
        QualityFigures figures,
        long steps,
        double trainingSeconds,
        String device,
        List<ProgressReport> progress,
        List<Epoch> epochs,
        Path checkpoint,
        Path batchLosses) {

    /** One epoch's end: validation loss (with the normalizing flow's parts; NaN otherwise) and samples. */
    public record Epoch(int epoch, long step, double validationLoss, double validationLogDet, double validationLogPz, Path samples) {}
}
