package org.flowfield.accounts;

import java.util.Objects;
import java.util.UUID;

/**
 * What a log-in is checked against: for the security configuration's user look-up. The hash is
 * left out of {@link #toString()} so that it never ends up in a log.
 *
 * @param id the account's id
 * @param username the normalised username
 * @param passwordHash the bcrypt hash of the password ("$2a$…")
 */
public record AccountCredentials(UUID id, String username, String passwordHash) {

    public AccountCredentials {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }

    @Override
    public String toString() {
        return "AccountCredentials[id=" + id + ", username=" + username + ", passwordHash=<hidden>]";
    }
}
