package org.flowfield.runs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flowfield.metrics.QualityEvaluator;
import org.flowfield.queue.QueuedRun;
import org.flowfield.training.ProgressReport;
import org.flowfield.metrics.QualityFigures;
import org.flowfield.flows.ModelFamily;
import org.flowfield.training.TrainingConfig;
import org.flowfield.training.TrainingConfigCodec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Runs in the database; reached only through {@link RunService}. */
@Repository
class RunRepository {

    private static final String COLUMNS = "id, owner_id, name, family, settings, status, failure_reason, device, created_at, "
            + "started_at, finished_at, cancel_requested, steps_done, total_steps, heldout_nll, in_ring_fraction, sliced_w2, "
            + "waiting_to_resume, pack_size, pack_id, data_entropy, outside_support_fraction, exact_w2, normalized_path_energy";

    private final JdbcClient jdbc;

    RunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Run run) {
        jdbc.sql("insert into run (" + COLUMNS + ") values (:id, :owner, :name, :family, :settings, :status, null, null, "
                        + ":created, null, null, false, 0, :total, null, null, null, false, 0, null, null, null, null, null)")
                .param("id", run.id())
                .param("owner", run.ownerId())
                .param("name", run.name())
                .param("family", run.config().family().code())
                .param("settings", encode(run.config()))
                .param("status", run.status().name())
                .param("created", Timestamp.from(run.createdAt()))
                .param("total", run.totalSteps())
                .update();
    }

    Optional<Run> findOwned(UUID id, UUID ownerId) {
        return jdbc.sql("select " + COLUMNS + " from run where id = :id and owner_id = :owner")
                .param("id", id)
                .param("owner", ownerId)
                .query(RunRepository::map)
                .optional();
    }

    List<Run> listOwned(UUID ownerId) {
        return jdbc.sql("select " + COLUMNS + " from run where owner_id = :owner order by created_at desc, id")
                .param("owner", ownerId)
                .query(RunRepository::map)
                .list();
    }

    long countQueued(UUID ownerId) {
        return jdbc.sql("select count(*) from run where owner_id = :owner and status = 'QUEUED'")
                .param("owner", ownerId)
                .query(Long.class)
                .single();
    }

    /** Takes the owner's row lock so that concurrent submissions of one user are counted one after another. */
    void lockOwner(UUID ownerId) {
        jdbc.sql("select id from account where id = :owner for update").param("owner", ownerId).query(UUID.class).optional();
    }

    /** Moves a run from one status to another; false when it was no longer in {@code from}. */
    boolean transition(UUID id, RunStatus from, RunStatus to, Instant finishedAt) {
        return jdbc.sql("update run set status = :to, finished_at = :finished where id = :id and status = :from")
                .param("to", to.name())
                .param("finished", finishedAt == null ? null : Timestamp.from(finishedAt))
                .param("id", id)
                .param("from", from.name())
                .update() == 1;
    }

    boolean requestCancel(UUID id) {
        return jdbc.sql("update run set cancel_requested = true where id = :id and status = 'RUNNING'").param("id", id).update() == 1;
    }

    // ---- the queue and its runs -----------------------------------------------------------

    /** Serialises dispatchers across servers for the rest of the transaction. */
    void lockQueue() {
        jdbc.sql("select id from queue_lock where id = 1 for update").query(Integer.class).single();
    }

    List<QueuedRun> queued() {
        return jdbc.sql("select id, owner_id, created_at from run where status = 'QUEUED'")
                .query((row, i) -> new QueuedRun(row.getObject("id", UUID.class),
                        row.getObject("owner_id", UUID.class).toString(), row.getTimestamp("created_at").toInstant()))
                .list();
    }

    long countRunning() {
        return jdbc.sql("select count(*) from run where status = 'RUNNING'").query(Long.class).single();
    }

    /** When each owner last had a run started (the round robin's memory). */
    Map<String, Instant> lastStartedByOwner() {
        Map<String, Instant> result = new HashMap<>();
        jdbc.sql("select owner_id, max(started_at) as last from run where started_at is not null group by owner_id")
                .query((row, i) -> result.put(row.getObject("owner_id", UUID.class).toString(), row.getTimestamp("last").toInstant()))
                .list();
        return result;
    }

    /** Starts a queued run and assigns it the job that will train it; false when it was no longer queued. */
    boolean markStarted(UUID id, Instant startedAt, String checkpointFile, UUID jobId) {
        return jdbc.sql("update run set status = 'RUNNING', started_at = :started, checkpoint_file = :checkpoint, "
                        + "job_id = :job, job_assigned_at = :started where id = :id and status = 'QUEUED'")
                .param("started", Timestamp.from(startedAt))
                .param("checkpoint", checkpointFile)
                .param("job", jobId)
                .param("id", id)
                .update() == 1;
    }

    /** The started runs and the jobs assigned to them, for the reconciler. */
    List<StartedRun> started() {
        return jdbc.sql("select id, job_id, job_assigned_at, waiting_to_resume, cancel_requested from run where status = 'RUNNING'")
                .query((row, i) -> new StartedRun(row.getObject("id", UUID.class), row.getObject("job_id", UUID.class),
                        instant(row, "job_assigned_at"), row.getBoolean("waiting_to_resume"), row.getBoolean("cancel_requested")))
                .list();
    }

    /**
     * Gives a started run a new job, replacing {@code previousJob} (null when it had none); false
     * when the run has moved on meanwhile.
     *
     * @param interrupted whether its previous trainer died (the run then waits to resume)
     */
    boolean reassignJob(UUID id, UUID previousJob, UUID jobId, Instant at, boolean interrupted) {
        return jdbc.sql("update run set job_id = :job, job_assigned_at = :at, pack_id = null, pack_size = 0, "
                        + "waiting_to_resume = case when :interrupted then true else waiting_to_resume end, "
                        + "interruptions = interruptions + case when :interrupted then 1 else 0 end "
                        + "where id = :id and status = 'RUNNING' and " + (previousJob == null ? "job_id is null" : "job_id = :previous"))
                .param("job", jobId)
                .param("at", Timestamp.from(at))
                .param("interrupted", interrupted)
                .param("id", id)
                .param("previous", previousJob)
                .update() == 1;
    }

    /** The job assigned to a started run, if any. */
    Optional<UUID> jobOf(UUID id) {
        return jdbc.sql("select job_id from run where id = :id and status = 'RUNNING' and job_id is not null")
                .param("id", id)
                .query(UUID.class)
                .optional();
    }

    Optional<Run> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from run where id = :id").param("id", id).query(RunRepository::map).optional();
    }

    Optional<String> checkpointFile(UUID id) {
        return jdbc.sql("select checkpoint_file from run where id = :id").param("id", id).query(String.class).optional();
    }

    /** Stores a loss point of a run that trained elsewhere (a reference run); trainers write through {@link HeldRun}. */
    void recordProgress(UUID id, ProgressReport report) {
        jdbc.sql("insert into run_progress (run_id, step, epoch, loss, log_det, log_pz, learning_rate, steps_per_second) "
                        + "values (:id, :step, :epoch, :loss, :logDet, :logPz, :rate, :speed)")
                .param("id", id)
                .param("step", report.step())
                .param("epoch", report.epoch())
                .param("loss", report.loss())
                .param("logDet", finiteOrNull(report.logDet()))
                .param("logPz", finiteOrNull(report.logPz()))
                .param("rate", report.learningRate())
                .param("speed", report.stepsPerSecond())
                .update();
        jdbc.sql("update run set steps_done = :step where id = :id").param("step", report.step()).param("id", id).update();
    }

    void recordEpoch(UUID id, int epoch, long step, double loss, double logDet, double logPz, String snapshotFile) {
        jdbc.sql("insert into run_epoch (run_id, epoch, step, validation_loss, validation_log_det, validation_log_pz, snapshot_file) "
                        + "values (:id, :epoch, :step, :loss, :logDet, :logPz, :file)")
                .param("id", id)
                .param("epoch", epoch)
                .param("step", step)
                .param("loss", loss)
                .param("logDet", finiteOrNull(logDet))
                .param("logPz", finiteOrNull(logPz))
                .param("file", snapshotFile)
                .update();
    }

    /**
     * Takes the finished run that has waited longest for its exact transport figures, unless a
     * server began them after {@code staleBefore} (and is presumably still at it).
     */
    Optional<UUID> claimTransportFigures(Instant now, Instant staleBefore) {
        String waiting = "status = 'FINISHED' and exact_w2 is null and (transport_started_at is null or transport_started_at < :stale)";
        Optional<UUID> next = jdbc.sql("select id from run where " + waiting + " order by finished_at, id fetch first 1 rows only")
                .param("stale", Timestamp.from(staleBefore))
                .query(UUID.class)
                .optional();
        return next.filter(id -> jdbc.sql("update run set transport_started_at = :now where id = :id and " + waiting)
                .param("now", Timestamp.from(now))
                .param("stale", Timestamp.from(staleBefore))
                .param("id", id)
                .update() == 1);
    }

    /** Stores a finished run's exact transport figures (NaN when they could not be computed). */
    void storeTransportFigures(UUID runId, double exactW2, Double normalizedPathEnergy) {
        jdbc.sql("update run set exact_w2 = :w2, normalized_path_energy = :energy where id = :id and status = 'FINISHED'")
                .param("w2", exactW2)
                .param("energy", normalizedPathEnergy)
                .param("id", runId)
                .update();
    }

    /**
     * Gives a finished run that lacks them the figures against its data's known density (a run
     * that finished before they existed); a run that has them keeps its own.
     */
    void completeTruthFigures(UUID runId, double dataEntropy, double outsideSupportFraction) {
        jdbc.sql("update run set data_entropy = :entropy, outside_support_fraction = :outside "
                        + "where id = :id and status = 'FINISHED' and data_entropy is null")
                .param("entropy", dataEntropy)
                .param("outside", outsideSupportFraction)
                .param("id", runId)
                .update();
    }

    /** Stores a run that finished elsewhere (a reference model), with its figures. */
    void insertFinished(Run run, String checkpointFile) {
        jdbc.sql("insert into run (" + COLUMNS + ", checkpoint_file) values (:id, :owner, :name, :family, :settings, 'FINISHED', "
                        + "null, :device, :created, :started, :finished, false, :steps, :total, :nll, :ring, :w2, false, 0, null, :entropy, :outside, "
                        + ":exactW2, :pathEnergy, :checkpoint)")
                .param("id", run.id())
                .param("owner", run.ownerId())
                .param("name", run.name())
                .param("family", run.config().family().code())
                .param("settings", encode(run.config()))
                .param("device", run.device())
                .param("created", Timestamp.from(run.createdAt()))
                .param("started", Timestamp.from(run.startedAt()))
                .param("finished", Timestamp.from(run.finishedAt()))
                .param("steps", run.stepsDone())
                .param("total", run.totalSteps())
                .param("nll", run.figures().heldOutNll())
                .param("ring", run.figures().inRingFraction())
                .param("w2", run.figures().slicedW2())
                .param("entropy", run.figures().dataEntropy())
                .param("outside", run.figures().outsideSupportFraction())
                .param("exactW2", run.figures().exactW2())
                .param("pathEnergy", run.figures().normalizedPathEnergy())
                .param("checkpoint", checkpointFile)
                .update();
    }

    /**
     * Who may see a run: its owner; everyone for the reference runs; the members of the class it
     * is shared with (its instructor included); and the accounts that opened its current share link.
     * A private run is its owner's alone: an instructor learns of a student's other runs only what
     * the queue shows ({@link ClassroomRunsService#queue}).
     */
    private static final String SHARED_WITH_VIEWER = "(sharing = 'CLASS' and exists (select 1 from classroom_member m"
            + "     where m.classroom_id = run.shared_classroom_id and m.account_id = :viewer))"
            + " or (sharing = 'LINK' and exists (select 1 from run_link_grant g"
            + "     where g.run_id = run.id and g.account_id = :viewer and g.token = run.share_token))";

    private static final String VISIBLE_TO_VIEWER = "(owner_id = :viewer or owner_id = :reference or " + SHARED_WITH_VIEWER + ")";

    /** The run if the viewer may see it (see {@link #VISIBLE_TO_VIEWER}). */
    Optional<Run> findVisible(UUID id, UUID viewerId, UUID referenceOwnerId) {
        return jdbc.sql("select " + COLUMNS + " from run where id = :id and " + VISIBLE_TO_VIEWER)
                .param("id", id)
                .param("viewer", viewerId)
                .param("reference", referenceOwnerId)
                .query(RunRepository::map)
                .optional();
    }

    /** Runs others shared with the viewer (by class or by an opened link), newest first. */
    List<Run> listSharedWith(UUID viewerId) {
        return jdbc.sql("select " + COLUMNS + " from run where owner_id <> :viewer and (" + SHARED_WITH_VIEWER + ")"
                        + " order by created_at desc, id")
                .param("viewer", viewerId)
                .query(RunRepository::map)
                .list();
    }

    /**
     * A page of the runs the viewer may see: their own (newest first), then those shared with them,
     * then the reference runs.
     */
    List<Run> listVisible(UUID viewerId, UUID referenceOwnerId, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from run where " + VISIBLE_TO_VIEWER
                        + " order by case when owner_id = :viewer then 0 when owner_id = :reference then 2 else 1 end, "
                        + "created_at desc, id offset :offset rows fetch next :limit rows only")
                .param("viewer", viewerId)
                .param("reference", referenceOwnerId)
                .param("offset", offset)
                .param("limit", limit)
                .query(RunRepository::map)
                .list();
    }

    long countVisible(UUID viewerId, UUID referenceOwnerId) {
        return jdbc.sql("select count(*) from run where " + VISIBLE_TO_VIEWER)
                .param("viewer", viewerId)
                .param("reference", referenceOwnerId)
                .query(Long.class)
                .single();
    }

    /** The owner's runs that are queued or training. */
    List<Run> listUnfinished(UUID ownerId) {
        return jdbc.sql("select " + COLUMNS + " from run where owner_id = :owner and status in ('QUEUED', 'RUNNING') "
                        + "order by created_at desc, id")
                .param("owner", ownerId)
                .query(RunRepository::map)
                .list();
    }

    /** A page of the runs shared with the class, in the given order (runs without the figure last). */
    List<Run> listSharedWithClassroom(UUID classroomId, GalleryOrder order, boolean ascending, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from run where sharing = 'CLASS' and shared_classroom_id = :classroom "
                        + "order by " + order.column() + (ascending ? " asc" : " desc") + " nulls last, created_at desc, id "
                        + "offset :offset rows fetch next :limit rows only")
                .param("classroom", classroomId)
                .param("offset", offset)
                .param("limit", limit)
                .query(RunRepository::map)
                .list();
    }

    long countSharedWithClassroom(UUID classroomId) {
        return jdbc.sql("select count(*) from run where sharing = 'CLASS' and shared_classroom_id = :classroom")
                .param("classroom", classroomId)
                .query(Long.class)
                .single();
    }

    List<UUID> idsSharedWithClassroom(UUID classroomId) {
        return jdbc.sql("select id from run where sharing = 'CLASS' and shared_classroom_id = :classroom")
                .param("classroom", classroomId)
                .query(UUID.class)
                .list();
    }

    /** The queued and training runs of the class's students (its instructor's own excluded). */
    List<Run> listWaitingOfClassroomStudents(UUID classroomId) {
        return jdbc.sql("select " + COLUMNS + " from run where status in ('QUEUED', 'RUNNING') and owner_id in ("
                        + "select m.account_id from classroom_member m join classroom c on c.id = m.classroom_id "
                        + "where c.id = :classroom and m.account_id <> c.instructor_id) order by created_at, id")
                .param("classroom", classroomId)
                .query(RunRepository::map)
                .list();
    }

    /** Makes private the runs of an owner shared with a class; returns their ids. */
    List<UUID> withdrawFromClassroom(UUID classroomId, UUID ownerId) {
        List<UUID> ids = jdbc.sql("select id from run where owner_id = :owner and sharing = 'CLASS' and shared_classroom_id = :classroom")
                .param("owner", ownerId)
                .param("classroom", classroomId)
                .query(UUID.class)
                .list();
        ids.forEach(id -> share(RunSharing.privateRun(id)));
        return ids;
    }

    /** Stored runs of an owner, whatever their status (what the storage quota counts). */
    long countStored(UUID ownerId) {
        return jdbc.sql("select count(*) from run where owner_id = :owner").param("owner", ownerId).query(Long.class).single();
    }

    List<UUID> idsOwned(UUID ownerId) {
        return jdbc.sql("select id from run where owner_id = :owner").param("owner", ownerId).query(UUID.class).list();
    }

    /** The owner's run, locked for the rest of the transaction. */
    Optional<Run> lockOwned(UUID id, UUID ownerId) {
        return jdbc.sql("select " + COLUMNS + " from run where id = :id and owner_id = :owner for update")
                .param("id", id)
                .param("owner", ownerId)
                .query(RunRepository::map)
                .optional();
    }

    /** Deletes a run's rows, leaving a note that its folder is to be removed ({@link #deletionsPending}). */
    void delete(UUID id, Instant at) {
        jdbc.sql("insert into run_deletion (run_id, deleted_at) values (:id, :at)").param("id", id).param("at", Timestamp.from(at)).update();
        jdbc.sql("delete from run_link_grant where run_id = :id").param("id", id).update();
        jdbc.sql("delete from run_progress where run_id = :id").param("id", id).update();
        jdbc.sql("delete from run_epoch where run_id = :id").param("id", id).update();
        jdbc.sql("delete from run where id = :id").param("id", id).update();
    }

    /** Deleted runs whose folders may still exist. */
    List<UUID> deletionsPending() {
        return jdbc.sql("select run_id from run_deletion order by deleted_at").query(UUID.class).list();
    }

    void forgetDeletion(UUID id) {
        jdbc.sql("delete from run_deletion where run_id = :id").param("id", id).update();
    }

    /** Drops every share-link grant an account holds. */
    void deleteLinkGrantsOf(UUID accountId) {
        jdbc.sql("delete from run_link_grant where account_id = :account").param("account", accountId).update();
    }

    Optional<RunSharing> sharing(UUID id) {
        return jdbc.sql("select id, sharing, shared_classroom_id, share_token from run where id = :id")
                .param("id", id)
                .query((row, i) -> new RunSharing(row.getObject("id", UUID.class), Sharing.valueOf(row.getString("sharing")),
                        row.getObject("shared_classroom_id", UUID.class), row.getString("share_token")))
                .optional();
    }

    /** Sets how a run is shared; the grants of any earlier link are dropped with it. */
    void share(RunSharing sharing) {
        jdbc.sql("delete from run_link_grant where run_id = :id").param("id", sharing.runId()).update();
        jdbc.sql("update run set sharing = :mode, shared_classroom_id = :classroom, share_token = :token where id = :id")
                .param("mode", sharing.mode().name())
                .param("classroom", sharing.classroomId())
                .param("token", sharing.token())
                .param("id", sharing.runId())
                .update();
    }

    Optional<UUID> findByShareToken(String token) {
        return jdbc.sql("select id from run where sharing = 'LINK' and share_token = :token")
                .param("token", token)
                .query(UUID.class)
                .optional();
    }

    void grantLink(UUID runId, UUID accountId, String token, Instant at) {
        jdbc.sql("insert into run_link_grant (run_id, account_id, token, granted_at) select :run, :account, :token, :at "
                        + "where not exists (select 1 from run_link_grant where run_id = :run and account_id = :account)")
                .param("run", runId)
                .param("account", accountId)
                .param("token", token)
                .param("at", Timestamp.from(at))
                .update();
    }

    List<Integer> recordedEpochs(UUID id) {
        return jdbc.sql("select epoch from run_epoch where run_id = :id order by epoch").param("id", id).query(Integer.class).list();
    }

    List<Long> recordedSteps(UUID id) {
        return jdbc.sql("select step from run_progress where run_id = :id order by step").param("id", id).query(Long.class).list();
    }

    List<LossPoint> lossSeries(UUID id) {
        return jdbc.sql("select step, epoch, loss, log_det, log_pz, learning_rate, steps_per_second from run_progress "
                        + "where run_id = :id order by step")
                .param("id", id)
                .query((row, i) -> new LossPoint(row.getLong("step"), row.getInt("epoch"), row.getDouble("loss"),
                        nullableDouble(row, "log_det"), nullableDouble(row, "log_pz"), row.getDouble("learning_rate"),
                        row.getDouble("steps_per_second")))
                .list();
    }

    List<EpochRecord> epochs(UUID id) {
        return jdbc.sql("select epoch, step, validation_loss, validation_log_det, validation_log_pz from run_epoch "
                        + "where run_id = :id order by epoch")
                .param("id", id)
                .query((row, i) -> new EpochRecord(row.getInt("epoch"), row.getLong("step"), row.getDouble("validation_loss"),
                        nullableDouble(row, "validation_log_det"), nullableDouble(row, "validation_log_pz")))
                .list();
    }

    Optional<String> snapshotFile(UUID id, int epoch) {
        return jdbc.sql("select snapshot_file from run_epoch where run_id = :id and epoch = :epoch")
                .param("id", id)
                .param("epoch", epoch)
                .query(String.class)
                .optional();
    }

    private static double nullableDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? Double.NaN : value;
    }

    /** Ends a started run whatever trainer holds it (its trainer's later writes then fail their fence). */
    boolean end(UUID id, RunStatus status, String reason, Instant at) {
        return jdbc.sql("update run set status = :status, failure_reason = :reason, finished_at = :at, job_id = null, "
                        + "waiting_to_resume = false, pack_id = null, pack_size = 0 where id = :id and status = 'RUNNING'")
                .param("status", status.name())
                .param("reason", reason == null ? null : reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update() == 1;
    }

    static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String encode(TrainingConfig config) {
        StringBuilder text = new StringBuilder();
        TrainingConfigCodec.encode(config).forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    private static TrainingConfig decode(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                map.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return TrainingConfigCodec.decode(map);
    }

    private static Run map(ResultSet row, int index) throws SQLException {
        TrainingConfig config = decode(row.getString("settings"));
        if (config.family() != ModelFamily.ofCode(row.getString("family"))) {
            throw new IllegalStateException("run " + row.getString("id") + " has inconsistent family columns");
        }
        double nll = row.getDouble("heldout_nll");
        QualityFigures figures = row.wasNull() ? null : new QualityFigures(nll, row.getDouble("in_ring_fraction"),
                row.getDouble("sliced_w2"), QualityEvaluator.likelihoodMethod(config.family()), QualityEvaluator.sampler(config.family()),
                optionalDouble(row, "data_entropy"), optionalDouble(row, "outside_support_fraction"), optionalDouble(row, "exact_w2"),
                optionalDouble(row, "normalized_path_energy"));
        return new Run(
                row.getObject("id", UUID.class),
                row.getObject("owner_id", UUID.class),
                row.getString("name"),
                config,
                RunStatus.valueOf(row.getString("status")),
                row.getString("failure_reason"),
                row.getString("device"),
                instant(row, "created_at"),
                instant(row, "started_at"),
                instant(row, "finished_at"),
                row.getBoolean("cancel_requested"),
                row.getLong("steps_done"),
                row.getLong("total_steps"),
                figures,
                row.getBoolean("waiting_to_resume"),
                row.getInt("pack_size"),
                row.getObject("pack_id", UUID.class));
    }

    private static Double optionalDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
