package org.flowfield.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The embedded database as the server opens it (the URL of application.properties) stays readable
 * when a thread is interrupted again and again inside its writes, as the job engine interrupts its
 * workers when it stops: the database keeps answering and every acknowledged insert is there. With a
 * plain {@code jdbc:h2:file:} URL the first interrupt inside a write closes the database for good
 * ("The database has been closed").
 */
class InterruptedWritesTest {

    private static final int INSERTS = 4_000;

    @Test
    void interruptsInsideWritesLoseNothingAcknowledgedAndCorruptNothing() throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "test-data", "interrupts-" + UUID.randomUUID()));
        String url = configuredUrl().replace("${flowfield.data-dir}", directory.toAbsolutePath().toString());
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            db.createStatement().execute("create table acknowledged (id int primary key, payload varchar(100))");
        }
        List<Integer> acknowledged = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        // one connection held for the whole test, as the server's connection pool holds them
        try (Connection pool = DriverManager.getConnection(url, "sa", "");
                Connection writerConnection = DriverManager.getConnection(url, "sa", "")) {
            PreparedStatement insert = writerConnection.prepareStatement("insert into acknowledged values (?, ?)");
            Thread writer = new Thread(() -> {
                for (int i = 0; i < INSERTS; i++) {
                    try {
                        insert.setInt(1, i);
                        insert.setString(2, "x".repeat(90));
                        insert.executeUpdate();
                        acknowledged.add(i);
                    } catch (SQLException e) {
                        failures.add(e.getMessage());
                    }
                    Thread.interrupted();
                }
            });
            writer.start();
            while (writer.isAlive()) {
                writer.interrupt();
                LockSupport.parkNanos(200_000);
            }

            assertThat(failures).noneMatch(message -> message.contains("corrupted") || message.contains("closed"));
            try (ResultSet ids = pool.createStatement().executeQuery("select id from acknowledged")) {
                List<Integer> stored = new ArrayList<>();
                while (ids.next()) {
                    stored.add(ids.getInt(1));
                }
                assertThat(stored).containsAll(acknowledged);
            }
        }
        assertThat(acknowledged).as("inserts get through the interrupts").hasSizeGreaterThan(INSERTS * 9 / 10);
    }

    private static String configuredUrl() throws IOException {
        Properties settings = new Properties();
        try (InputStream in = InterruptedWritesTest.class.getResourceAsStream("/application.properties")) {
            settings.load(in);
        }
        return settings.getProperty("spring.datasource.url");
    }
}
