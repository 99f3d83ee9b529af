package org.flowfield.api.tokens;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Access tokens in the database, by the hash of their secret; reached only through {@link AccessTokenService}. */
@Repository
class AccessTokenRepository {

    private static final String COLUMNS = "id, account_id, name, created_at, last_used_at";

    private final JdbcClient jdbc;

    AccessTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AccessToken token, String secretHash) {
        jdbc.sql("insert into access_token (id, account_id, name, token_hash, created_at) values (:id, :account, :name, :hash, :created)")
                .param("id", token.id())
                .param("account", token.accountId())
                .param("name", token.name())
                .param("hash", secretHash)
                .param("created", Timestamp.from(token.createdAt()))
                .update();
    }

    List<AccessToken> listOwned(UUID accountId) {
        return jdbc.sql("select " + COLUMNS + " from access_token where account_id = :account order by created_at desc, id")
                .param("account", accountId)
                .query(AccessTokenRepository::map)
                .list();
    }

    long countOwned(UUID accountId) {
        return jdbc.sql("select count(*) from access_token where account_id = :account")
                .param("account", accountId)
                .query(Long.class)
                .single();
    }

    Optional<AccessToken> findByHash(String secretHash) {
        return jdbc.sql("select " + COLUMNS + " from access_token where token_hash = :hash")
                .param("hash", secretHash)
                .query(AccessTokenRepository::map)
                .optional();
    }

    boolean deleteOwned(UUID tokenId, UUID accountId) {
        return jdbc.sql("delete from access_token where id = :id and account_id = :account")
                .param("id", tokenId)
                .param("account", accountId)
                .update() == 1;
    }

    void recordUse(UUID tokenId, Instant at) {
        jdbc.sql("update access_token set last_used_at = :at where id = :id")
                .param("at", Timestamp.from(at))
                .param("id", tokenId)
                .update();
    }

    private static AccessToken map(ResultSet row, int rowNumber) throws SQLException {
        OffsetDateTime lastUsed = row.getObject("last_used_at", OffsetDateTime.class);
        return new AccessToken(row.getObject("id", UUID.class), row.getObject("account_id", UUID.class), row.getString("name"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(), lastUsed == null ? null : lastUsed.toInstant());
    }
}
