package org.flowfield.runs;

import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;
import org.flowfield.data.PointCloud;
import org.flowfield.flows.StepLoss;
import org.flowfield.runs.live.StoredEpochs;
import org.flowfield.training.EpochReport;
import org.flowfield.training.export.SampleSnapshot;
import org.springframework.stereotype.Component;

/** Reads an epoch that another server stored: its row, and its snapshot from the shared data directory. */
@Component
class StoredEpochReader implements StoredEpochs {

    private final RunRepository runs;
    private final RunFiles files;

    StoredEpochReader(RunRepository runs, RunFiles files) {
        this.runs = runs;
        this.files = files;
    }

    @Override
    public Optional<EpochReport> read(UUID runId, int epoch) {
        Optional<EpochRecord> record = runs.epochs(runId).stream().filter(stored -> stored.epoch() == epoch).findFirst();
        if (record.isEmpty()) {
            return Optional.empty();
        }
        PointCloud samples;
        try {
            samples = SampleSnapshot.read(files.snapshot(runId, epoch));
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
        EpochRecord stored = record.get();
        return Optional.of(new EpochReport(epoch, stored.step(),
                new StepLoss(stored.validationLoss(), stored.validationLogDet(), stored.validationLogPz()),
                samples.xy(), samples.labels()));
    }
}
