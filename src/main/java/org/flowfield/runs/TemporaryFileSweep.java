package org.flowfield.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.flowfield.training.DurableFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, removes the temporary files that a crash between creating and moving a file left
 * in the folders of runs no trainer writes any more (ended runs, and folders of no known run). A
 * started run's folder is swept by the trainer that takes it up, since another server's trainer
 * may be writing there right now.
 */
@Component
class TemporaryFileSweep {

    private static final Logger log = LoggerFactory.getLogger(TemporaryFileSweep.class);

    private final RunRepository runs;
    private final RunFiles files;

    TemporaryFileSweep(RunRepository runs, RunFiles files) {
        this.runs = runs;
        this.files = files;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sweep() {
        Path root = files.root();
        if (!Files.isDirectory(root)) {
            return;
        }
        int deleted = 0;
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                Optional<Run> run = parse(folder.getFileName().toString()).flatMap(runs::findById);
                if (run.isEmpty() || run.get().status().terminal()) {
                    deleted += DurableFile.deleteTemporaryFiles(folder);
                }
            }
        } catch (IOException e) {
            log.warn("could not sweep temporary files under {}: {}", root, e.toString());
        }
        if (deleted > 0) {
            log.info("removed {} temporary file(s) left by interrupted writes", deleted);
        }
    }

    private static Optional<UUID> parse(String name) {
        try {
            return Optional.of(UUID.fromString(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
