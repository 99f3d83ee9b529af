package org.flowfield.accounts;

import java.util.UUID;
import org.flowfield.accounts.AccountRepository.StoredAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deleting an account with everything it owns, confirmed by its password. In one transaction:
 * {@link AccountDeleted} is published, and each feature removes what the account owns (its runs
 * with their files, the classes it created, its memberships, its chosen points, its share-link
 * grants), then the account's row goes. Its sessions end once that is committed.
 */
@Service
public class AccountDeletion {

    /** Where deletions are logged for the security log to collect. */
    private static final Logger security = LoggerFactory.getLogger("flowfield.security");

    static final String WRONG_PASSWORD = "That is not your password; your account was not deleted.";

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;

    AccountDeletion(AccountRepository accounts, PasswordEncoder encoder, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.events = events;
    }

    /**
     * Deletes the account and everything it owns.
     *
     * @throws WrongPasswordException when the password is not the account's (nothing is deleted)
     * @throws IllegalArgumentException for the reference account, which is not anyone's to delete
     * @throws IllegalStateException when the account does not exist (any more)
     */
    @Transactional
    public void delete(UUID accountId, String password) {
        if (AccountService.REFERENCE_ACCOUNT_ID.equals(accountId)) {
            throw new IllegalArgumentException("The reference runs' account cannot be deleted.");
        }
        StoredAccount stored = accounts.lock(accountId).orElseThrow(() -> new IllegalStateException("no account " + accountId));
        if (password == null || password.isEmpty() || !AccountValidator.fitsBcrypt(password)
                || !encoder.matches(password, stored.passwordHash())) {
            security.info("deletion of account {} refused: wrong password", accountId);
            throw new WrongPasswordException(WRONG_PASSWORD);
        }
        events.publishEvent(new AccountDeleted(accountId, stored.account().username()));
        accounts.delete(accountId);
        security.info("account {} ({}) deleted with everything it owned", accountId, stored.account().username());
    }
}
