package org.flowfield.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A signed-up user, without the password hash.
 *
 * @param id random, assigned at sign-up
 * @param username the normalised username (stripped, lower case; see {@link AccountRules#normalizeUsername})
 * @param createdAt when the account was created, to the microsecond
 */
public record Account(UUID id, String username, Instant createdAt) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
