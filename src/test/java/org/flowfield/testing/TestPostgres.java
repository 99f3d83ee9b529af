package org.flowfield.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for one test class, created on the server that
 * {@code FLOWFIELD_TEST_POSTGRES_URL} names (with {@code FLOWFIELD_TEST_POSTGRES_USER} and
 * {@code FLOWFIELD_TEST_POSTGRES_PASSWORD}; {@code .ci/run} sets them) and dropped on close.
 * Without those variables it fails: these tests never pass silently without a database.
 */
public final class TestPostgres implements AutoCloseable {

    public static final String URL_VARIABLE = "FLOWFIELD_TEST_POSTGRES_URL";
    public static final String USER_VARIABLE = "FLOWFIELD_TEST_POSTGRES_USER";
    public static final String PASSWORD_VARIABLE = "FLOWFIELD_TEST_POSTGRES_PASSWORD";

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String name;

    private TestPostgres(String adminUrl, String user, String password, String name) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** Creates {@code flowfield_test_<random>} on the test server. */
    public static TestPostgres create() {
        Map<String, String> env = System.getenv();
        String adminUrl = env.get(URL_VARIABLE);
        if (adminUrl == null || adminUrl.isBlank()) {
            throw new IllegalStateException("these tests need PostgreSQL: set " + URL_VARIABLE
                    + " (e.g. jdbc:postgresql://localhost:5432/postgres), " + USER_VARIABLE + " and " + PASSWORD_VARIABLE
                    + " to a role that may create databases (.ci/run does this)");
        }
        String name = "flowfield_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        TestPostgres database = new TestPostgres(adminUrl, env.getOrDefault(USER_VARIABLE, "postgres"),
                env.getOrDefault(PASSWORD_VARIABLE, ""), name);
        database.execute("create database " + name);
        return database;
    }

    /** The JDBC URL of this test's database. */
    public String url() {
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String parameters = query < 0 ? "" : adminUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + parameters;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Spring arguments that point a server at this database. */
    public String[] springArguments() {
        return new String[] {"--spring.datasource.url=" + url(), "--spring.datasource.username=" + user,
            "--spring.datasource.password=" + password};
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + adminUrl + " refused '" + sql + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        execute("drop database if exists " + name + " with (force)");
    }
}
