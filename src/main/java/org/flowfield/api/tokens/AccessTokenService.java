package org.flowfield.api.tokens;

import org.flowfield.security.SecurityEvent;
import org.flowfield.security.SecurityLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flowfield.accounts.Account;
import org.flowfield.accounts.AccountDirectory;
import org.flowfield.accounts.AccountService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for the API: created and revoked by their owner, each shown once and
 * stored only as the SHA-256 of its secret (a slow hash would add nothing: the secret is 256 random
 * bits, not a password a person chose). Every method that takes an owner acts on that owner's
 * tokens only; another account's token answers exactly like a missing one.
 */
@Service
public class AccessTokenService {

    /** Longest token name, in characters. */
    public static final int MAX_NAME_LENGTH = 80;

    /** Most tokens one account may hold at once. */
    public static final int MAX_TOKENS_PER_ACCOUNT = 20;

    /** What every secret begins with, so that a leaked one is recognisable (e.g. by secret scanners). */
    public static final String SECRET_PREFIX = "ff_";

    /** How stale "last used" may get: a token used again within this is not written again. */
    static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    private static final int SECRET_BYTES = 32;

    private final SecurityLog log;
    private final AccessTokenRepository tokens;
    private final AccountService accounts;
    private final AccountDirectory directory;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccessTokenService(AccessTokenRepository tokens, AccountService accounts, AccountDirectory directory, Clock clock, SecurityLog log) {
        this.log = log;
        this.tokens = tokens;
        this.accounts = accounts;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Creates a token; the returned secret is never available again.
     *
     * @throws InvalidAccessTokenException when the name is blank, too long or has control
     *     characters, or the owner already holds {@value #MAX_TOKENS_PER_ACCOUNT} tokens
     */
    @Transactional
    public NewAccessToken create(UUID ownerId, String name) {
        String stripped = requireValidName(name);
        if (tokens.countOwned(ownerId) >= MAX_TOKENS_PER_ACCOUNT) {
            throw new InvalidAccessTokenException("You already have " + MAX_TOKENS_PER_ACCOUNT
                    + " access tokens, the most an account may have: revoke one first");
        }
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        AccessToken token = new AccessToken(UUID.randomUUID(), ownerId, stripped, clock.instant().truncatedTo(ChronoUnit.MICROS), null);
        tokens.insert(token, hash(secret));
        log.record(ownerId, SecurityEvent.ACCESS_TOKEN_CREATED, "token " + token.id() + " \"" + stripped + "\"");
        return new NewAccessToken(token, secret);
    }

    /** The owner's tokens, newest first. */
    @Transactional(readOnly = true)
    public List<AccessToken> list(UUID ownerId) {
        return tokens.listOwned(ownerId);
    }

    /**
     * Revokes a token at once: the API refuses it from the next request on.
     *
     * @throws AccessTokenNotFoundException when the owner has no such token
     */
    @Transactional
    public void revoke(UUID ownerId, UUID tokenId) {
        if (!tokens.deleteOwned(tokenId, ownerId)) {
            throw new AccessTokenNotFoundException(tokenId);
        }
        log.record(ownerId, SecurityEvent.ACCESS_TOKEN_REVOKED, "token " + tokenId);
    }

    /**
     * The account a secret belongs to, noting the use; empty for a secret that is not (or no
     * longer) a token.
     *
     * @throws DisabledAccountException when the token's account was disabled
     */
    @Transactional
    public Optional<Account> authenticate(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            return Optional.empty();
        }
        Optional<AccessToken> found = tokens.findByHash(hash(secret));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AccessToken token = found.get();
        if (directory.isDisabled(token.accountId())) {
            throw new DisabledAccountException();
        }
        Instant now = clock.instant();
        if (token.lastUsedAt() == null || token.lastUsedAt().plus(LAST_USE_RESOLUTION).isBefore(now)) {
            tokens.recordUse(token.id(), now.truncatedTo(ChronoUnit.MICROS));
        }
        return accounts.findById(token.accountId());
    }

    private static String requireValidName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new InvalidAccessTokenException("Token name is required");
        }
        if (stripped.codePointCount(0, stripped.length()) > MAX_NAME_LENGTH) {
            throw new InvalidAccessTokenException("Token name must have at most " + MAX_NAME_LENGTH + " characters");
        }
        if (stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidAccessTokenException("Token name must not contain control characters");
        }
        return stripped;
    }

    private static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
