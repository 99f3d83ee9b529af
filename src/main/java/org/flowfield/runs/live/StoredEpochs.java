package org.flowfield.runs.live;

import java.util.Optional;
import java.util.UUID;
import org.flowfield.training.EpochReport;

/** The end of an epoch as stored by the server that trains the run: its row and its sample snapshot. */
public interface StoredEpochs {

    /** The stored epoch, or empty when it is not (or no longer) stored. */
    Optional<EpochReport> read(UUID runId, int epoch);
}
