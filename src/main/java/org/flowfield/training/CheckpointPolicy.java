package org.flowfield.training;

import java.nio.file.Path;

/**
 * Where and how often a run saves itself. A checkpoint is always written at the end of every
 * epoch and when the run is cancelled; {@code everySteps} adds checkpoints within epochs.
 *
 * @param file the checkpoint file (replaced atomically each time)
 * @param everySteps steps between checkpoints within an epoch; 0 for epoch ends only
 */
public record CheckpointPolicy(Path file, int everySteps) {

    public CheckpointPolicy {
        if (file == null) {
            throw new IllegalArgumentException("a checkpoint policy needs a file");
        }
        if (everySteps < 0) {
            throw new IllegalArgumentException("checkpoint interval must be >= 0, got " + everySteps);
        }
    }
}
