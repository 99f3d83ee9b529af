package org.flowfield.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Rows a test writes straight into a stopped server's database (accounts, queued runs). */
public final class Sql {

    private Sql() {}

    /** Runs one insert or update with its parameters in order. */
    public static void update(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
