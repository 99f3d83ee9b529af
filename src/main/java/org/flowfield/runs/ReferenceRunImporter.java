package org.flowfield.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.flowfield.accounts.AccountService;
import org.flowfield.training.export.ExportedRun;
import org.flowfield.training.export.RunExportFiles;
import org.flowfield.training.export.RunExportReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Offers the pre-trained models in {@code flowfield.reference-runs} (default {@code models/}) as
 * finished runs that every user sees, so that a new installation shows results at once. Each
 * folder is imported once: its run id is derived from the folder's name.
 */
@Component
class ReferenceRunImporter {

    private static final Logger log = LoggerFactory.getLogger(ReferenceRunImporter.class);

    private final Path source;
    private final RunRepository runs;
    private final RunFiles files;
    private final AccountService accounts;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ReferenceRunImporter(@Value("${flowfield.reference-runs:models}") Path source, RunRepository runs, RunFiles files,
            AccountService accounts, TransactionTemplate transaction, Clock clock) {
        this.source = source;
        this.runs = runs;
        this.files = files;
        this.accounts = accounts;
        this.transaction = transaction;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void importAll() {
        UUID owner = accounts.referenceAccount();
        if (!Files.isDirectory(source)) {
            return;
        }
        try (Stream<Path> folders = Files.list(source)) {
            for (Path folder : folders.filter(RunExportReader::isRun).sorted().toList()) {
                UUID id = UUID.nameUUIDFromBytes(("reference run " + folder.getFileName()).getBytes(StandardCharsets.UTF_8));
                if (runs.findById(id).isEmpty()) {
                    importRun(folder, id, owner);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list reference runs in " + source + ": " + e.getMessage(), e);
        }
    }

    private void importRun(Path folder, UUID id, UUID owner) {
        ExportedRun exported = RunExportReader.read(folder);
        copy(exported.checkpoint(), files.checkpoint(id));
        if (Files.exists(exported.batchLosses())) {
            copy(exported.batchLosses(), files.batchLosses(id));
        }
        for (ExportedRun.Epoch epoch : exported.epochs()) {
            copy(epoch.samples(), files.snapshot(id, epoch.epoch()));
        }
        Instant now = clock.instant();
        String name = "Reference: " + exported.config().family().title() + " (exercise recipe, seed " + exported.config().seed() + ")";
        Run run = new Run(id, owner, name, exported.config(), RunStatus.FINISHED, null, exported.device(), now, now, now,
                false, exported.steps(), exported.config().totalSteps(), exported.figures(), false, 0, null);
        transaction.executeWithoutResult(status -> {
            runs.insertFinished(run, RunExportFiles.CHECKPOINT);
            exported.progress().forEach(report -> runs.recordProgress(id, report));
            for (ExportedRun.Epoch epoch : exported.epochs()) {
                runs.recordEpoch(id, epoch.epoch(), epoch.step(), epoch.validationLoss(), epoch.validationLogDet(),
                        epoch.validationLogPz(), files.snapshot(id, epoch.epoch()).getFileName().toString());
            }
        });
        log.info("offered the reference run '{}' from {}", name, folder);
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }
}
