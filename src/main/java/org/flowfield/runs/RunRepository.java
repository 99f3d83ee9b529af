package org.flowfield.runs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flowfield.metrics.QualityEvaluator;
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
            + "started_at, finished_at, cancel_requested, steps_done, total_steps, heldout_nll, in_ring_fraction, sliced_w2";

    private final JdbcClient jdbc;

    RunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Run run) {
        jdbc.sql("insert into run (" + COLUMNS + ") values (:id, :owner, :name, :family, :settings, :status, null, null, "
                        + ":created, null, null, false, 0, :total, null, null, null)")
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
                row.getDouble("sliced_w2"), QualityEvaluator.likelihoodMethod(config.family()), QualityEvaluator.sampler(config.family()));
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
                figures);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
