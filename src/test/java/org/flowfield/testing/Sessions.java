package org.flowfield.testing;

import java.util.UUID;
import org.flowfield.accounts.AccountService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Logged-in users for server-side view tests: a real account, authenticated as Spring Security would. */
public final class Sessions {

    public static final String PASSWORD = "a long password";

    private Sessions() {}

    /** Signs up a fresh account named {@code prefix-xxxxxx} and logs it in; returns its id. */
    public static UUID signUpAndLogIn(AccountService accounts, String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        UUID id = accounts.signUp(username, PASSWORD).id();
        logIn(username);
        return id;
    }

    public static void logIn(String username) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(username, null, AuthorityUtils.createAuthorityList("ROLE_USER")));
    }
}
