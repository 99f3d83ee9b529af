package org.flowfield.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.UUID;
import org.flowfield.flows.ModelFamily;
import org.springframework.context.ApplicationContext;

/** Finished runs for tests without training: copies of a reference run (files and all) owned by someone. */
public final class FinishedRuns {

    private FinishedRuns() {}

    public static Run copyOfReference(ApplicationContext context, ModelFamily family, UUID owner, String name) {
        RunService runs = context.getBean(RunService.class);
        RunRepository repository = context.getBean(RunRepository.class);
        RunFiles files = context.getBean(RunFiles.class);
        Run reference = runs.listReference().stream().filter(run -> run.config().family() == family).findFirst().orElseThrow();
        UUID id = UUID.randomUUID();
        try {
            Files.createDirectories(files.directory(id));
            Files.copy(files.checkpoint(reference.id()), files.checkpoint(id), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(files.batchLosses(reference.id()), files.batchLosses(id), StandardCopyOption.REPLACE_EXISTING);
            for (EpochRecord epoch : runs.history(owner, reference.id()).epochs()) {
                Files.copy(files.snapshot(reference.id(), epoch.epoch()), files.snapshot(id, epoch.epoch()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant now = Instant.now();
        Run run = new Run(id, owner, name, reference.config(), RunStatus.FINISHED, null, "CPU", now, now, now, false,
                reference.totalSteps(), reference.totalSteps(), reference.figures(), false, 0, null);
        repository.insertFinished(run, "checkpoint.bin");
        runs.history(owner, reference.id()).loss().forEach(point -> repository.recordProgress(id,
                new org.flowfield.training.ProgressReport(point.step(), run.totalSteps(), point.epoch(), 1, point.loss(),
                        point.logDet(), point.logPz(), point.learningRate(), point.stepsPerSecond())));
        for (EpochRecord epoch : runs.history(owner, reference.id()).epochs()) {
            repository.recordEpoch(id, epoch.epoch(), epoch.step(), epoch.validationLoss(), epoch.validationLogDet(),
                    epoch.validationLogPz(), files.snapshot(id, epoch.epoch()).getFileName().toString());
        }
        return runs.find(owner, id).orElseThrow();
    }

    /** The folder of a run's files. */
    public static java.nio.file.Path folder(ApplicationContext context, UUID runId) {
        return context.getBean(RunFiles.class).directory(runId);
    }
}
