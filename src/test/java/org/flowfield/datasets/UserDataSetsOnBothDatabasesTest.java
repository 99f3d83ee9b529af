package org.flowfield.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flowfield.testing.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The V11 tables on H2 and on PostgreSQL: a data set's points, labels and strokes are read back
 * bit for bit, its name column is as wide as its constant, and deleting a run takes its use of a
 * data set with it.
 */
class UserDataSetsOnBothDatabasesTest {

    private static TestPostgres postgres;
    private static DataSource h2;
    private static DataSource pg;

    @BeforeAll
    static void migrateBoth() {
        postgres = TestPostgres.create();
        pg = new DriverManagerDataSource(postgres.url(), postgres.user(), postgres.password());
        h2 = new DriverManagerDataSource("jdbc:h2:file:./target/test-data/user-data-sets-" + UUID.randomUUID() + "/db", "sa", "");
        for (DataSource database : new DataSource[] {h2, pg}) {
            Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        }
    }

    @AfterAll
    static void dropPostgres() {
        postgres.close();
    }

    private static UUID account(JdbcClient jdbc) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into account (id, username, password_hash, created_at) values (:id, :name, 'x', :at)")
                .param("id", id).param("name", "d-" + id.toString().substring(0, 8)).param("at", Timestamp.from(Instant.now())).update();
        return id;
    }

    private static UUID run(JdbcClient jdbc, UUID owner) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into run (id, owner_id, name, family, settings, status, created_at, cancel_requested, steps_done, total_steps, "
                        + "waiting_to_resume, pack_size) values (:id, :owner, 'a run', 'fm', '{}', 'FINISHED', :at, false, 0, 1, false, 0)")
                .param("id", id).param("owner", owner).param("at", Timestamp.from(Instant.now())).update();
        return id;
    }

    @Test
    void aDataSetIsStoredWholeAndARunsUseGoesWithTheRunOnBothDatabases() throws SQLException {
        List<Stroke> strokes = List.of(new Stroke(0.3, new double[] {-1.25, 0.5, 2, 3.999}), new Stroke(1.5, new double[] {0.1, -0.1}));
        float[] xy = {1.5f, -2.25f, Float.MIN_VALUE, -0f, 3.4028235e38f, 1e-7f};
        int[] labels = {0, 4, 2};
        for (DataSource database : new DataSource[] {h2, pg}) {
            assertThat(width(database, "user_data_set", "name")).isEqualTo(DataSetLimits.MAX_NAME_LENGTH);
            JdbcClient jdbc = JdbcClient.create(database);
            UserDataSetRepository repository = new UserDataSetRepository(jdbc);
            UUID owner = account(jdbc);
            UserDataSet drawn = new UserDataSet(UUID.randomUUID(), owner, "🌀".repeat(DataSetLimits.MAX_NAME_LENGTH / 2), DataSetSource.DRAWN,
                    Instant.now().truncatedTo(ChronoUnit.MICROS), 3, 5);
            repository.insert(drawn, new UserDataSetRepository.Contents(DataSetBlobs.points(xy), DataSetBlobs.labels(labels),
                    DataSetBlobs.strokes(strokes)));
            UserDataSet uploaded = new UserDataSet(UUID.randomUUID(), owner, "plain", DataSetSource.UPLOADED,
                    Instant.now().truncatedTo(ChronoUnit.MICROS), 3, 0);
            repository.insert(uploaded, new UserDataSetRepository.Contents(DataSetBlobs.points(xy), null, null));

            assertThat(repository.find(drawn.id())).contains(drawn);
            UserDataSetRepository.Contents read = repository.contents(drawn.id());
            assertThat(DataSetBlobs.points(read.points())).containsExactly(xy);
            assertThat(DataSetBlobs.labels(read.labels())).containsExactly(labels);
            assertThat(DataSetBlobs.strokes(read.strokes())).isEqualTo(strokes);
            assertThat(repository.contents(uploaded.id()).labels()).isNull();
            assertThat(repository.contents(uploaded.id()).strokes()).isNull();
            assertThat(repository.nameTaken(owner, "plain")).isTrue();

            UUID run = run(jdbc, owner);
            repository.recordUse(drawn.id(), run);
            assertThat(repository.runsUsing(drawn.id())).containsExactly(run);
            jdbc.sql("delete from run where id = ?").param(run).update();
            assertThat(repository.runsUsing(drawn.id())).isEmpty();
            repository.deleteAllOf(owner);
            assertThat(repository.countOwned(owner)).isZero();
        }
    }

    private static int width(DataSource database, String table, String column) throws SQLException {
        try (Connection connection = database.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String[] names : new String[][] {{table, column}, {table.toUpperCase(), column.toUpperCase()}}) {
                try (ResultSet columns = meta.getColumns(null, null, names[0], names[1])) {
                    if (columns.next()) {
                        return columns.getInt("COLUMN_SIZE");
                    }
                }
            }
        }
        throw new AssertionError("no column " + table + "." + column);
    }
}
