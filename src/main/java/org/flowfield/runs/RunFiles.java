package org.flowfield.runs;

import java.nio.file.Path;
import java.util.UUID;
import org.flowfield.training.export.RunExportFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a run's files live: {@code <data-dir>/runs/<run id>/}, named by generated ids and
 * numbers only, never by anything a user typed. The layout is that of an exported run.
 */
@Component
class RunFiles {

    private final Path root;

    RunFiles(@Value("${flowfield.data-dir}") Path dataDirectory) {
        this.root = dataDirectory.toAbsolutePath().normalize().resolve("runs");
    }

    Path root() {
        return root;
    }

    Path directory(UUID runId) {
        return root.resolve(runId.toString());
    }

    Path checkpoint(UUID runId) {
        return directory(runId).resolve(RunExportFiles.CHECKPOINT);
    }

    Path batchLosses(UUID runId) {
        return directory(runId).resolve(RunExportFiles.BATCH_LOSSES);
    }

    Path snapshot(UUID runId, int epoch) {
        return directory(runId).resolve(RunExportFiles.samples(epoch));
    }
}
