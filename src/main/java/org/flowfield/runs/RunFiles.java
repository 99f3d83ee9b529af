package org.flowfield.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RunFiles.class);

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

    /**
     * Removes the run's folder and everything in it; true when it is gone (or never existed).
     * Never throws: a folder it could not remove stays for the next try.
     */
    boolean deleteFolder(UUID runId) {
        Path folder = directory(runId);
        if (!Files.exists(folder)) {
            return true;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            log.warn("could not remove the files of deleted run {}: {}", runId, e.toString());
            return false;
        }
    }

    Path snapshot(UUID runId, int epoch) {
        return directory(runId).resolve(RunExportFiles.samples(epoch));
    }
}
