package org.flowfield.security;

import org.flowfield.accounts.Account;
import org.flowfield.accounts.AccountService;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Writes every checked log-in to the {@link SecurityLog}, and gives a successful one its attempt
 * back, so that only failures count against {@link LimitedAction#LOG_IN_PER_ACCOUNT}.
 */
@Component
class LogInRecorder {

    private final SecurityLog log;
    private final Throttle throttle;
    private final AccountService accounts;

    LogInRecorder(SecurityLog log, Throttle throttle, AccountService accounts) {
        this.log = log;
        this.throttle = throttle;
        this.accounts = accounts;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        throttle.release(LimitedAction.LOG_IN_PER_ACCOUNT, LoginAttempts.accountKey(authentication.getName()));
        log.record(SecurityEvent.LOG_IN, accounts.findByUsername(authentication.getName()).map(Account::id).orElse(null),
                authentication.getName(), address(authentication), null);
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication authentication = event.getAuthentication();
        log.record(SecurityEvent.LOG_IN_FAILED, accounts.findByUsername(authentication.getName()).map(Account::id).orElse(null),
                authentication.getName(), address(authentication), event.getException().getClass().getSimpleName());
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }
}
