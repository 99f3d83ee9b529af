package org.flowfield.datasets;

import java.util.Optional;
import java.util.UUID;

/**
 * What the data sets need to know of the runs that train on them; the runs feature, which
 * depends on this one, provides it.
 */
public interface RunLookup {

    /** The run's name if the viewer may see the run, else empty. */
    Optional<String> visibleRunName(UUID viewerId, UUID runId);
}
