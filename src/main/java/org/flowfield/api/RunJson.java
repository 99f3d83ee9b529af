package org.flowfield.api;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.flowfield.metrics.QualityFigures;
import org.flowfield.runs.Run;
import org.flowfield.runs.settings.RunSettingsMapper;

/**
 * A run as the API shows it.
 *
 * @param status queued, running, finished, failed or cancelled
 * @param waitingToResume a started run that lost its trainer and waits to continue
 * @param device where it trains or trained ("CPU", "GPU 0"), null before it started
 * @param packSize how many runs train together with it (itself included); 0 when not training
 * @param settings every setting its family uses, as {@code POST /api/runs} takes them
 * @param figures the held-out figures once it finished, else null
 */
record RunJson(UUID id, String name, UUID ownerId, String status, boolean waitingToResume, boolean cancelRequested,
        String failureReason, String device, int packSize, Instant createdAt, Instant startedAt, Instant finishedAt,
        long stepsDone, long totalSteps, Map<String, Object> settings, QualityFigures figures) {

    static RunJson of(Run run) {
        return new RunJson(run.id(), run.name(), run.ownerId(), run.status().name().toLowerCase(Locale.ROOT),
                run.waitingToResume(), run.cancelRequested(), run.failureReason(), run.device(), run.packSize(),
                run.createdAt(), run.startedAt(), run.finishedAt(), run.stepsDone(), run.totalSteps(),
                RunSettingsJson.write(RunSettingsMapper.fromTrainingConfig(run.config(), run.name())), run.figures());
    }
}
