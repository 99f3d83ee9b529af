package org.flowfield.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Every account with its standing (enabled or disabled), for the administration. A disabled
 * account cannot log in or use its access tokens. Nothing here checks who asks: the
 * administration's service does before it calls.
 */
@Service
public class AccountDirectory {

    private final JdbcClient jdbc;

    AccountDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every account people use (not the reference runs' account), by username. */
    public List<ListedAccount> all() {
        return jdbc.sql("select id, username, created_at, disabled from account where id <> :reference order by username")
                .param("reference", AccountService.REFERENCE_ACCOUNT_ID)
                .query(AccountDirectory::map)
                .list();
    }

    /** Whether the account with this id was disabled; false for an unknown id. */
    public boolean isDisabled(UUID accountId) {
        return jdbc.sql("select count(*) from account where id = :id and disabled")
                .param("id", accountId)
                .query(Long.class)
                .single() > 0;
    }

    /** Disables or enables an account; false when no such account exists. */
    public boolean setDisabled(UUID accountId, boolean disabled) {
        return jdbc.sql("update account set disabled = :disabled where id = :id")
                .param("disabled", disabled)
                .param("id", accountId)
                .update() == 1;
    }

    private static ListedAccount map(ResultSet row, int rowNumber) throws SQLException {
        Account account = new Account(row.getObject("id", UUID.class), row.getString("username"),
                row.getObject("created_at", OffsetDateTime.class).toInstant());
        return new ListedAccount(account, row.getBoolean("disabled"));
    }

    /** An account and whether it is disabled. */
    public record ListedAccount(Account account, boolean disabled) {}
}
