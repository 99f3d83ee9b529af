package org.flowfield.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.UUID;
import org.flowfield.accounts.Account;
import org.flowfield.accounts.AccountService;
import org.springframework.stereotype.Component;

/** The account of the user a view is showing to. */
@Component
public class CurrentAccount {

    private final AuthenticationContext authentication;
    private final AccountService accounts;

    CurrentAccount(AuthenticationContext authentication, AccountService accounts) {
        this.authentication = authentication;
        this.accounts = accounts;
    }

    public Account account() {
        String username = authentication.getPrincipalName()
                .orElseThrow(() -> new IllegalStateException("no user is logged in"));
        return accounts.findByUsername(username).orElseThrow(() -> new IllegalStateException("the account of " + username + " is gone"));
    }

    public UUID id() {
        return account().id();
    }

    public void logout() {
        authentication.logout();
    }
}
