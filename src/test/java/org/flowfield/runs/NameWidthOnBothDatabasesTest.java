package org.flowfield.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;
import org.flowfield.accounts.AccountRules;
import org.flowfield.classrooms.ClassroomService;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.settings.RunLimits;
import org.flowfield.testing.TestPostgres;
import org.flowfield.text.DisplayNames;
import org.flowfield.training.TrainingConfig;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The name bounds against the columns that store them, on H2 and on PostgreSQL: each column is as
 * wide as its constant, and the longest name the rules allow, in the widest characters, fits both.
 * Also pins why the bound counts UTF-16 code units: H2 counts a {@code VARCHAR} in them (41 emoji
 * do not fit 80) while PostgreSQL counts characters (80 emoji fit).
 */
class NameWidthOnBothDatabasesTest {

    private static final String EMOJI = "🌀";

    private static TestPostgres postgres;
    private static DataSource h2;
    private static DataSource pg;

    @BeforeAll
    static void migrateBoth() {
        postgres = TestPostgres.create();
        pg = new DriverManagerDataSource(postgres.url(), postgres.user(), postgres.password());
        h2 = new DriverManagerDataSource("jdbc:h2:file:./target/test-data/name-width-" + UUID.randomUUID() + "/db", "sa", "");
        for (DataSource database : new DataSource[] {h2, pg}) {
            Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        }
    }

    @AfterAll
    static void dropPostgres() {
        postgres.close();
    }


    @Test
    void eachNameColumnIsAsWideAsItsConstantOnBothDatabases() throws SQLException {
        for (DataSource database : new DataSource[] {h2, pg}) {
            assertThat(width(database, "run", "name")).isEqualTo(RunLimits.MAX_NAME_LENGTH);
            assertThat(width(database, "classroom", "name")).isEqualTo(ClassroomService.MAX_NAME_LENGTH);
            assertThat(width(database, "account", "username")).isEqualTo(AccountRules.USERNAME_MAX);
        }
    }

    @Test
    void theLongestAllowedNameInTheWidestCharactersIsStoredWholeOnBothDatabases() {
        String longest = EMOJI.repeat(RunLimits.MAX_NAME_LENGTH / 2);
        assertThat(DisplayNames.problem("Name", longest, RunLimits.MAX_NAME_LENGTH)).isEmpty();
        assertThat(DisplayNames.problem("Name", longest + "x", RunLimits.MAX_NAME_LENGTH)).isPresent();
        for (DataSource database : new DataSource[] {h2, pg}) {
            UUID run = insertRun(database, longest);
            assertThat(JdbcClient.create(database).sql("select name from run where id = :id").param("id", run)
                    .query(String.class).single()).isEqualTo(longest);
            UUID classroom = insertClassroom(database, longest);
            assertThat(JdbcClient.create(database).sql("select name from classroom where id = :id").param("id", classroom)
                    .query(String.class).single()).isEqualTo(longest);
        }
    }

    @Test
    void h2CountsUtf16UnitsWhilePostgresCountsCharacters() {
        String fortyOneEmoji = EMOJI.repeat(RunLimits.MAX_NAME_LENGTH / 2 + 1);
        assertThatThrownBy(() -> insertRun(h2, fortyOneEmoji)).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("too long");
        assertThatThrownBy(() -> insertClassroom(h2, fortyOneEmoji)).isInstanceOf(DataIntegrityViolationException.class);

        String eightyEmoji = EMOJI.repeat(RunLimits.MAX_NAME_LENGTH);
        assertThat(insertRun(pg, eightyEmoji)).isNotNull();
        assertThatThrownBy(() -> insertRun(pg, eightyEmoji + EMOJI)).isInstanceOf(DataIntegrityViolationException.class);
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

    private static UUID account(DataSource database) {
        UUID id = UUID.randomUUID();
        JdbcClient.create(database).sql("insert into account (id, username, password_hash, created_at) values (:id, :name, 'x', :at)")
                .param("id", id).param("name", "w-" + id.toString().substring(0, 8)).param("at", Timestamp.from(Instant.now()))
                .update();
        return id;
    }

    private static UUID insertRun(DataSource database, String name) {
        TrainingConfig config = TrainingConfig.exercise(ModelFamily.NORMALIZING_FLOW, 0);
        UUID id = UUID.randomUUID();
        new RunRepository(JdbcClient.create(database)).insert(new Run(id, account(database), name, config, RunStatus.QUEUED,
                null, null, Instant.now().truncatedTo(ChronoUnit.MICROS), null, null, false, 0, config.totalSteps(), null,
                false, 0, null));
        return id;
    }

    private static UUID insertClassroom(DataSource database, String name) {
        UUID id = UUID.randomUUID();
        JdbcClient.create(database).sql("insert into classroom (id, name, instructor_id, invite_code, created_at) "
                        + "values (:id, :name, :instructor, :code, :at)")
                .param("id", id).param("name", name).param("instructor", account(database))
                .param("code", id.toString().substring(0, 19)).param("at", Timestamp.from(Instant.now())).update();
        return id;
    }
}
