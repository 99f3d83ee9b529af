package org.flowfield.load;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.flowfield.testing.Sql;
import org.flywaydb.core.Flyway;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The class's accounts, created before the server starts (as the deadline benchmark does): the
 * server's own migrations build a fresh database, then each person gets an account (a bcrypt hash
 * at the server's default cost, so that log-ins cost what they cost in production) and an access
 * token stored as the server stores them, the SHA-256 of the secret. Sign-up itself is not under
 * test here, and its limits would refuse a whole class signing up from one address.
 */
final class LoadAccounts {

    static final String PASSWORD = "a long password";
    private static final int SERVER_BCRYPT_COST = 10;

    private LoadAccounts() {}

    static List<LoadUser> create(Path dataDir, int count) {
        String url = "jdbc:h2:file:" + dataDir.resolve("flowfield") + ";DB_CLOSE_ON_EXIT=FALSE";
        Flyway.configure().dataSource(url, "flowfield", "").locations("classpath:db/migration").load().migrate();
        String hash = new BCryptPasswordEncoder(SERVER_BCRYPT_COST).encode(PASSWORD);
        SecureRandom random = new SecureRandom();
        List<LoadUser> users = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection db = DriverManager.getConnection(url, "flowfield", "")) {
            for (int i = 1; i <= count; i++) {
                UUID account = UUID.randomUUID();
                String username = String.format(Locale.ROOT, "student%02d", i);
                byte[] bytes = new byte[32];
                random.nextBytes(bytes);
                String token = "ff_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                Sql.update(db, "insert into account (id, username, password_hash, created_at) values (?, ?, ?, ?)",
                        account, username, hash, now);
                Sql.update(db, "insert into access_token (id, account_id, name, token_hash, created_at) values (?, ?, ?, ?, ?)",
                        UUID.randomUUID(), account, "load test", sha256(token), now);
                users.add(new LoadUser(username, PASSWORD, token));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the load test's accounts", e);
        }
        return users;
    }


    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
