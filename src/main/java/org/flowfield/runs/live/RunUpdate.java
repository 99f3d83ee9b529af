package org.flowfield.runs.live;

import java.util.UUID;
import org.flowfield.training.EpochReport;
import org.flowfield.training.ProgressReport;

/** Something that happened to a run, as a live view receives it. */
public sealed interface RunUpdate {

    UUID runId();

    /** A new point of the loss curve and of the progress bar. */
    record Progress(UUID runId, ProgressReport report) implements RunUpdate {}

    /** An epoch ended: its validation loss and the model's current samples. */
    record Epoch(UUID runId, EpochReport report) implements RunUpdate {}

    /** The run changed status (started, finished, failed, cancelled). */
    record StatusChanged(UUID runId) implements RunUpdate {}

    /** Who may see the run changed (it was made private, or its share link was revoked). */
    record AccessChanged(UUID runId) implements RunUpdate {}

    /** The watcher may no longer see the run; no updates follow. */
    record AccessLost(UUID runId) implements RunUpdate {}
}
