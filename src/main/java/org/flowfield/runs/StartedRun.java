package org.flowfield.runs;

import java.time.Instant;
import java.util.UUID;

/**
 * A run in the RUNNING state as the reconciler sees it.
 *
 * @param jobId the job assigned to train it, or null when none is (it was handed back)
 * @param jobAssignedAt when that job was assigned
 */
record StartedRun(UUID id, UUID jobId, Instant jobAssignedAt, boolean waitingToResume, boolean cancelRequested) {}
