package org.flowfield.datasets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** User data sets in the database; reached only through {@link UserDataSets}. */
@Repository
class UserDataSetRepository {

    private static final String COLUMNS = "id, owner_id, name, source, created_at, point_count, classes";

    /** What is stored besides the description. */
    record Contents(byte[] points, byte[] labels, byte[] strokes) {}

    private final JdbcClient jdbc;

    UserDataSetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UserDataSet dataSet, Contents contents) {
        jdbc.sql("insert into user_data_set (" + COLUMNS + ", points, labels, strokes) "
                        + "values (:id, :owner, :name, :source, :created, :count, :classes, :points, :labels, :strokes)")
                .param("id", dataSet.id())
                .param("owner", dataSet.ownerId())
                .param("name", dataSet.name())
                .param("source", dataSet.source().name())
                .param("created", Timestamp.from(dataSet.createdAt()))
                .param("count", dataSet.pointCount())
                .param("classes", dataSet.classes())
                .param("points", contents.points())
                .param("labels", contents.labels(), java.sql.Types.BINARY)
                .param("strokes", contents.strokes(), java.sql.Types.BINARY)
                .update();
    }

    Optional<UserDataSet> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from user_data_set where id = :id").param("id", id).query(UserDataSetRepository::map).optional();
    }

    List<UserDataSet> listOwned(UUID ownerId) {
        return jdbc.sql("select " + COLUMNS + " from user_data_set where owner_id = :owner order by created_at desc, id")
                .param("owner", ownerId)
                .query(UserDataSetRepository::map)
                .list();
    }

    long countOwned(UUID ownerId) {
        return jdbc.sql("select count(*) from user_data_set where owner_id = :owner").param("owner", ownerId).query(Long.class).single();
    }

    boolean nameTaken(UUID ownerId, String name) {
        return jdbc.sql("select count(*) from user_data_set where owner_id = :owner and name = :name")
                .param("owner", ownerId)
                .param("name", name)
                .query(Long.class)
                .single() > 0;
    }

    Contents contents(UUID id) {
        return jdbc.sql("select points, labels, strokes from user_data_set where id = :id")
                .param("id", id)
                .query((row, i) -> new Contents(row.getBytes("points"), row.getBytes("labels"), row.getBytes("strokes")))
                .single();
    }

    /** The runs that train on the data set. */
    List<UUID> runsUsing(UUID dataSetId) {
        return jdbc.sql("select run_id from run_user_data_set where data_set_id = :id").param("id", dataSetId).query(UUID.class).list();
    }

    void recordUse(UUID dataSetId, UUID runId) {
        jdbc.sql("insert into run_user_data_set (run_id, data_set_id) values (:run, :id)").param("run", runId).param("id", dataSetId).update();
    }

    void delete(UUID id) {
        jdbc.sql("delete from user_data_set where id = :id").param("id", id).update();
    }

    void deleteAllOf(UUID ownerId) {
        jdbc.sql("delete from user_data_set where owner_id = :owner").param("owner", ownerId).update();
    }

    private static UserDataSet map(ResultSet row, int rowNumber) throws SQLException {
        return new UserDataSet(row.getObject("id", UUID.class), row.getObject("owner_id", UUID.class), row.getString("name"),
                DataSetSource.valueOf(row.getString("source")), row.getTimestamp("created_at").toInstant(), row.getInt("point_count"),
                row.getInt("classes"));
    }
}
