package org.flowfield.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts in the database; reached only through {@link AccountService}. Usernames arrive here
 * already normalised. Plain SQL that H2 and PostgreSQL both run: ids are bound and read as
 * {@link UUID}, {@code created_at} as {@link OffsetDateTime} (JDBC's type for {@code timestamp
 * with time zone}).
 */
@Repository
class AccountRepository {

    private static final String COLUMNS = "id, username, password_hash, created_at";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new account.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the username (or, impossibly
     *     rarely, the id) is already stored
     */
    /** Whether any account other than these exists. */
    boolean anyOtherThan(UUID excluded) {
        return jdbc.sql("select count(*) from account where id <> :excluded").param("excluded", excluded).query(Long.class).single() > 0;
    }

    void insert(Account account, String passwordHash) {
        jdbc.sql("insert into account (" + COLUMNS + ") values (:id, :username, :hash, :created)")
                .param("id", account.id())
                .param("username", account.username())
                .param("hash", passwordHash)
                .param("created", account.createdAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** @return whether the account exists (and now has this hash) */
    boolean updatePasswordHash(UUID id, String passwordHash) {
        return jdbc.sql("update account set password_hash = :hash where id = :id")
                .param("hash", passwordHash)
                .param("id", id)
                .update() == 1;
    }

    boolean existsByUsername(String username) {
        return jdbc.sql("select count(*) from account where username = :username")
                .param("username", username)
                .query(Long.class)
                .single() > 0;
    }

    Optional<StoredAccount> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from account where username = :username")
                .param("username", username)
                .query(AccountRepository::map)
                .optional();
    }

    Optional<StoredAccount> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from account where id = :id")
                .param("id", id)
                .query(AccountRepository::map)
                .optional();
    }

    private static StoredAccount map(ResultSet row, int rowNumber) throws SQLException {
        Account account = new Account(
                row.getObject("id", UUID.class),
                row.getString("username"),
                row.getObject("created_at", OffsetDateTime.class).toInstant());
        return new StoredAccount(account, row.getString("password_hash"));
    }

    /** A row of {@code account}: the account and its password hash, which stays in this package. */
    /** Deletes the account's row (what it owns must be gone first); false when there was none. */
    boolean delete(UUID id) {
        return jdbc.sql("delete from account where id = ?").param(id).update() == 1;
    }

    /** Takes the account's row lock for the rest of the transaction. */
    Optional<StoredAccount> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from account where id = ? for update").param(id)
                .query(AccountRepository::map).optional();
    }

    record StoredAccount(Account account, String passwordHash) {

        @Override
        public String toString() {
            return "StoredAccount[account=" + account + ", passwordHash=<hidden>]";
        }
    }
}
