package org.flowfield.accounts;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.flowfield.accounts.AccountRepository.StoredAccount;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing up, looking accounts up and checking passwords. Usernames are case-insensitive: every
 * method takes them in any case and with surrounding white space ({@link
 * AccountRules#normalizeUsername}); accounts carry the stored, lower-case form.
 */
@Service
public class AccountService {

    /**
     * Compared against {@link #dummyHash} when a log-in cannot succeed before any hash is checked
     * (no such user, or no usable password), so that it takes as long as a real check and its
     * duration does not tell whether the username exists.
     */
    private static final String DUMMY_PASSWORD = "not the password of any account";

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final String dummyHash;

    AccountService(AccountRepository accounts, PasswordEncoder encoder, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = clock;
        this.dummyHash = encoder.encode(UUID.randomUUID().toString());
    }

    /**
     * Creates an account with a random id, storing the username normalised and only a bcrypt hash
     * of the password. Nothing is stored when it throws.
     *
     * @throws InvalidAccountException when the username or the password breaks {@link AccountRules}
     *     (the username is checked first)
     * @throws UsernameTakenException when an account has this username in any case, also when
     *     another sign-up for it wins a race (the database's unique constraint decides)
     */
    public Account signUp(String username, String password) {
        String normalized = AccountValidator.requireValid(username, password);
        String typed = username.strip();
        if (accounts.existsByUsername(normalized)) {
            throw new UsernameTakenException(typed, null);
        }
        Account account = new Account(UUID.randomUUID(), normalized, clock.instant().truncatedTo(ChronoUnit.MICROS));
        String hash = encoder.encode(password);
        try {
            accounts.insert(account, hash);
        } catch (DuplicateKeyException raced) {
            throw new UsernameTakenException(typed, raced);
        }
        return account;
    }

    /** The account with this username, in any case; empty for {@code null} or an unknown name. */
    /** The account that owns the reference runs every user can see; it can never log in. */
    public static final UUID REFERENCE_ACCOUNT_ID = UUID.nameUUIDFromBytes("flowfield reference runs".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    /** Its username, reserved so that nobody can sign up under it. */
    public static final String REFERENCE_USERNAME = "flowfield";
    /** Not a bcrypt hash, so no password ever matches it. */
    private static final String NO_PASSWORD = "!";

    /** Creates the reference account if it does not exist yet, and returns its id. */
    @Transactional
    public UUID referenceAccount() {
        if (accounts.findById(REFERENCE_ACCOUNT_ID).isEmpty()) {
            accounts.insert(new Account(REFERENCE_ACCOUNT_ID, REFERENCE_USERNAME, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS)), NO_PASSWORD);
        }
        return REFERENCE_ACCOUNT_ID;
    }

    public Optional<Account> findByUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return accounts.findByUsername(AccountRules.normalizeUsername(username)).map(StoredAccount::account);
    }

    /** The account with this id; empty for {@code null} or an unknown id. */
    /** Whether anybody has signed up on this server yet (the reference runs' account does not count). */
    @Transactional(readOnly = true)
    public boolean anyoneSignedUp() {
        return accounts.anyOtherThan(REFERENCE_ACCOUNT_ID);
    }

    public Optional<Account> findById(UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return accounts.findById(id).map(StoredAccount::account);
    }

    /**
     * The account whose username (in any case) and password these are; empty otherwise, with no
     * hint of which was wrong. Every call runs one bcrypt comparison, whether or not the username
     * exists, so that the time taken does not tell either. A password longer than {@value
     * AccountRules#PASSWORD_MAX_BYTES} bytes never matches, though bcrypt would compare only its
     * first 72 bytes: no account has such a password.
     */
    public Optional<Account> authenticate(String username, String password) {
        Optional<StoredAccount> stored = username == null
                ? Optional.empty()
                : accounts.findByUsername(AccountRules.normalizeUsername(username));
        boolean usable = password != null && !password.isEmpty() && AccountValidator.fitsBcrypt(password);
        String hash = stored.map(StoredAccount::passwordHash).orElse(dummyHash);
        boolean matches = encoder.matches(usable ? password : DUMMY_PASSWORD, hash);
        return usable && matches ? stored.map(StoredAccount::account) : Optional.empty();
    }

    /**
     * Replaces the account's password, given its current one. The new password follows the rules
     * of sign-up ({@link AccountValidator#passwordProblem}) and differs from the current one; the
     * new password is checked first, so its problems show before the current password is tried.
     *
     * @throws InvalidAccountException with field {@link AccountRules#NEW_PASSWORD_FIELD} when the
     *     new password breaks a rule or equals the current one, or {@link
     *     AccountRules#CURRENT_PASSWORD_FIELD} when the current password is wrong (or the account
     *     is gone); nothing changed
     */
    @Transactional
    public void changePassword(UUID accountId, String currentPassword, String newPassword) {
        AccountValidator.passwordProblem(newPassword).ifPresent(message -> {
            throw new InvalidAccountException(AccountRules.NEW_PASSWORD_FIELD, message);
        });
        Optional<StoredAccount> stored = accountId == null || REFERENCE_ACCOUNT_ID.equals(accountId)
                ? Optional.empty() : accounts.findById(accountId);
        boolean usable = currentPassword != null && !currentPassword.isEmpty() && AccountValidator.fitsBcrypt(currentPassword);
        boolean matches = encoder.matches(usable ? currentPassword : DUMMY_PASSWORD, stored.map(StoredAccount::passwordHash).orElse(dummyHash));
        if (!(usable && matches && stored.isPresent())) {
            throw new InvalidAccountException(AccountRules.CURRENT_PASSWORD_FIELD, "The current password is wrong");
        }
        if (newPassword.equals(currentPassword)) {
            throw new InvalidAccountException(AccountRules.NEW_PASSWORD_FIELD, "The new password must differ from the current one");
        }
        accounts.updatePasswordHash(accountId, encoder.encode(newPassword));
    }

    /**
     * The id, username and password hash of the account with this username (in any case), for the
     * security configuration's user look-up; empty for {@code null} or an unknown name. Nothing
     * else should need the hash: {@link #authenticate} checks passwords.
     */
    public Optional<AccountCredentials> credentialsOf(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return accounts.findByUsername(AccountRules.normalizeUsername(username))
                .map(row -> new AccountCredentials(row.account().id(), row.account().username(), row.passwordHash()));
    }
}
