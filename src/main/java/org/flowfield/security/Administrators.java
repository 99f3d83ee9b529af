package org.flowfield.security;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowfield.accounts.AccountRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who administers the server: the accounts named in {@code flowfield.admin.accounts}, a
 * comma-separated list of usernames in any case (empty by default: nobody). Named accounts that do
 * not exist yet become administrators when they sign up.
 */
@Component
public class Administrators {

    private final Set<String> usernames;

    Administrators(@Value("${flowfield.admin.accounts:}") String accounts) {
        this.usernames = Arrays.stream(accounts.split(","))
                .map(AccountRules::normalizeUsername)
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the account with this username administers the server. */
    public boolean includes(String username) {
        return username != null && usernames.contains(AccountRules.normalizeUsername(username));
    }
}
