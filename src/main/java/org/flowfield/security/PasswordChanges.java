package org.flowfield.security;

import org.flowfield.accounts.Account;
import org.flowfield.accounts.AccountRules;
import org.flowfield.accounts.AccountService;
import org.flowfield.accounts.InvalidAccountException;
import org.springframework.stereotype.Service;

/**
 * Changing one's password, logged. A wrong current password counts as a failed log-in ({@link
 * LimitedAction#LOG_IN_PER_ACCOUNT}), so the form is no way around the log-in limit.
 */
@Service
public class PasswordChanges {

    private final AccountService accounts;
    private final Throttle throttle;
    private final SecurityLog log;

    PasswordChanges(AccountService accounts, Throttle throttle, SecurityLog log) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.log = log;
    }

    /**
     * @throws InvalidAccountException see {@link AccountService#changePassword}
     * @throws ThrottledException when the account has had too many failed log-ins
     */
    public void change(Account account, String currentPassword, String newPassword) {
        String key = LoginAttempts.accountKey(account.username());
        try {
            throttle.acquire(LimitedAction.LOG_IN_PER_ACCOUNT, key);
        } catch (ThrottledException e) {
            log.record(SecurityEvent.PASSWORD_CHANGE_FAILED, account.id(), account.username(), null, e.getMessage());
            throw e;
        }
        try {
            accounts.changePassword(account.id(), currentPassword, newPassword);
        } catch (InvalidAccountException e) {
            if (!AccountRules.CURRENT_PASSWORD_FIELD.equals(e.field())) {
                throttle.release(LimitedAction.LOG_IN_PER_ACCOUNT, key);
            }
            log.record(SecurityEvent.PASSWORD_CHANGE_FAILED, account.id(), account.username(), null, e.getMessage());
            throw e;
        }
        throttle.release(LimitedAction.LOG_IN_PER_ACCOUNT, key);
        log.record(account.id(), SecurityEvent.PASSWORD_CHANGED, null);
    }
}
