package org.flowfield.runs;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.flowfield.training.EpochReport;
import org.flowfield.training.ProgressReport;
import org.flowfield.training.TrainingResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The writes of the trainer that holds a run: every one is fenced by the job the run is assigned
 * to, so a trainer whose run was taken over (its server was judged dead, the run was cancelled or
 * ended) changes nothing, and two trainers never write one run.
 */
final class HeldRun {

    /** Thrown when the run is no longer this trainer's: it stops without writing anything. */
    static final class LostException extends RuntimeException {
        LostException(UUID runId, UUID jobId) {
            super("run " + runId + " is no longer held by job " + jobId);
        }
    }

    private static final String HELD = "id = :id and job_id = :job and status = 'RUNNING'";
    private static final String HOLDS = "exists (select 1 from run where " + HELD + ")";

    private final UUID runId;
    private final UUID jobId;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    HeldRun(UUID runId, UUID jobId, JdbcClient jdbc, TransactionTemplate transaction) {
        this.runId = runId;
        this.jobId = jobId;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    UUID runId() {
        return runId;
    }

    UUID jobId() {
        return jobId;
    }

    /** Takes the run for this trainer: it no longer waits to resume; false when it is not this job's. */
    boolean claim(String device) {
        return jdbc.sql("update run set waiting_to_resume = false, device = :device where " + HELD)
                .param("device", device)
                .param("id", runId)
                .param("job", jobId)
                .update() == 1;
    }

    /**
     * Whether the owner asked the run to stop.
     *
     * @throws LostException when the run is no longer this trainer's
     */
    boolean cancelRequested() {
        return jdbc.sql("select cancel_requested from run where " + HELD)
                .param("id", runId)
                .param("job", jobId)
                .query(Boolean.class)
                .optional()
                .orElseThrow(() -> new LostException(runId, jobId));
    }

    /** Forgets what was recorded after a checkpoint, before the run continues from it. */
    void forgetAfter(long step, int nextEpoch) {
        transaction.executeWithoutResult(status -> {
            requireHeld(jdbc.sql("update run set steps_done = :step where " + HELD)
                    .param("step", step).param("id", runId).param("job", jobId).update());
            jdbc.sql("delete from run_progress where run_id = :id and step > :step").param("id", runId).param("step", step).update();
            jdbc.sql("delete from run_epoch where run_id = :id and epoch >= :epoch").param("id", runId).param("epoch", nextEpoch).update();
        });
    }

    void recordProgress(ProgressReport report) {
        transaction.executeWithoutResult(status -> {
            requireHeld(jdbc.sql("update run set steps_done = :step where " + HELD)
                    .param("step", report.step()).param("id", runId).param("job", jobId).update());
            jdbc.sql("insert into run_progress (run_id, step, epoch, loss, log_det, log_pz, learning_rate, steps_per_second) "
                            + "values (:id, :step, :epoch, :loss, :logDet, :logPz, :rate, :speed)")
                    .param("id", runId)
                    .param("step", report.step())
                    .param("epoch", report.epoch())
                    .param("loss", report.loss())
                    .param("logDet", RunRepository.finiteOrNull(report.logDet()))
                    .param("logPz", RunRepository.finiteOrNull(report.logPz()))
                    .param("rate", report.learningRate())
                    .param("speed", report.stepsPerSecond())
                    .update();
        });
    }

    void recordEpoch(EpochReport report, String snapshotFile) {
        int inserted = jdbc.sql("insert into run_epoch (run_id, epoch, step, validation_loss, validation_log_det, "
                        + "validation_log_pz, snapshot_file) select :id, :epoch, :step, :loss, :logDet, :logPz, :file "
                        + "where " + HOLDS)
                .param("id", runId)
                .param("job", jobId)
                .param("epoch", report.epoch())
                .param("step", report.step())
                .param("loss", report.validation().loss())
                .param("logDet", RunRepository.finiteOrNull(report.validation().logDet()))
                .param("logPz", RunRepository.finiteOrNull(report.validation().logPz()))
                .param("file", snapshotFile)
                .update();
        requireHeld(inserted);
    }

    /** Stores the figures of a finished run; false when the run is no longer this trainer's. */
    boolean finish(TrainingResult result, Instant at) {
        return jdbc.sql("update run set status = 'FINISHED', finished_at = :at, steps_done = :steps, heldout_nll = :nll, "
                        + "in_ring_fraction = :ring, sliced_w2 = :w2, data_entropy = :entropy, outside_support_fraction = :outside, "
                        + "job_id = null, pack_id = null, pack_size = 0 where " + HELD)
                .param("at", Timestamp.from(at))
                .param("steps", result.steps())
                .param("nll", result.figures().heldOutNll())
                .param("ring", result.figures().inRingFraction())
                .param("w2", result.figures().slicedW2())
                .param("entropy", result.figures().dataEntropy())
                .param("outside", result.figures().outsideSupportFraction())
                .param("id", runId)
                .param("job", jobId)
                .update() == 1;
    }

    /** Ends the run as cancelled or failed; false when it is no longer this trainer's. */
    boolean end(RunStatus status, String reason, Instant at) {
        return jdbc.sql("update run set status = :status, failure_reason = :reason, finished_at = :at, job_id = null, pack_id = null, pack_size = 0 where " + HELD)
                .param("status", status.name())
                .param("reason", reason == null ? null : reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                .param("at", Timestamp.from(at))
                .param("id", runId)
                .param("job", jobId)
                .update() == 1;
    }

    /** Records the pack the run trains in now, and its size. */
    void recordPack(UUID packId, int members) {
        jdbc.sql("update run set pack_id = :pack, pack_size = :size where " + HELD)
                .param("pack", packId)
                .param("size", members)
                .param("id", runId)
                .param("job", jobId)
                .update();
    }

    /**
     * Gives the run back without ending it (its server stops): no job holds it, it waits to
     * resume from its checkpoint, and the reconciler of any server assigns it a new job.
     */
    boolean handBack() {
        return jdbc.sql("update run set job_id = null, waiting_to_resume = true, interruptions = interruptions + 1, pack_id = null, "
                        + "pack_size = 0 where " + HELD)
                .param("id", runId)
                .param("job", jobId)
                .update() == 1;
    }

    private void requireHeld(int updated) {
        if (updated != 1) {
            throw new LostException(runId, jobId);
        }
    }
}
