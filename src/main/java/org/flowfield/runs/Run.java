package org.flowfield.runs;

import java.time.Instant;
import java.util.UUID;
import org.flowfield.metrics.QualityFigures;
import org.flowfield.training.TrainingConfig;

/**
 * A stored training run.
 *
 * @param id random UUID, the only handle a URL or a service call uses
 * @param ownerId the account that created it
 * @param name what its owner called it (shown as text, never interpreted)
 * @param config every hyper-parameter and the seed
 * @param status queued, running, finished, failed or cancelled
 * @param failureReason why it failed, or null
 * @param device where it trained ("CPU", "GPU 0"), null before it started
 * @param createdAt when it was queued
 * @param startedAt when training started, or null
 * @param finishedAt when it ended (finished, failed or cancelled), or null
 * @param cancelRequested whether its owner asked a running run to stop
 * @param stepsDone optimizer steps done
 * @param totalSteps optimizer steps of the whole run
 * @param figures the figures of docs/figures.md once finished, else null
 * @param waitingToResume whether a started run lost its trainer (its server stopped or died) and
 *     waits to continue from its last checkpoint
 * @param packSize how many runs train together in the pack this run trains in (itself included);
 *     0 when it is not training
 * @param packId the pack it trains in, or null when it is not training
 */
public record Run(
        UUID id,
        UUID ownerId,
        String name,
        TrainingConfig config,
        RunStatus status,
        String failureReason,
        String device,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        boolean cancelRequested,
        long stepsDone,
        long totalSteps,
        QualityFigures figures,
        boolean waitingToResume,
        int packSize,
        UUID packId) {

    /**
     * Its status in words: "queued", "running", "computing figures" (every step done, its held-out
     * figures being computed), "waiting to resume", "finished", "failed" or "cancelled".
     */
    public String statusLabel() {
        if (status == RunStatus.RUNNING && waitingToResume) {
            return "waiting to resume";
        }
        if (status == RunStatus.RUNNING && totalSteps > 0 && stepsDone >= totalSteps) {
            return "computing figures";
        }
        return status.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Where it trains, e.g. "on CPU, pack of 12" or "on GPU 0, alone"; empty before it started. */
    public String whereItTrains() {
        if (device == null) {
            return "";
        }
        if (status != RunStatus.RUNNING || packSize == 0) {
            return "on " + device;
        }
        return "on " + device + (packSize == 1 ? ", alone" : ", pack of " + packSize);
    }

    public double fractionDone() {
        return totalSteps == 0 ? 0 : (double) stepsDone / totalSteps;
    }
}
