package org.flowfield.questions;

import java.nio.file.Path;
import org.flowfield.training.Checkpoint;
import org.flowfield.training.CheckpointFile;

/** The reference runs' checkpoints in models/ (trained with the exercise's recipe), read without a server. */
final class ReferenceModels {

    private ReferenceModels() {}

    static Checkpoint checkpoint(String family) {
        return CheckpointFile.read(Path.of("models", family, "checkpoint.bin"));
    }
}
