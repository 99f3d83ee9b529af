package org.flowfield.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks usernames and passwords against {@link AccountRules} and words what is wrong for the
 * person who typed it. A form calls {@link #usernameProblem} and {@link #passwordProblem} to show
 * a message next to each field; {@link AccountService} calls {@link #requireValid}, so it rejects
 * exactly what the form rejects, with the same words.
 */
public final class AccountValidator {

    private static final Pattern USERNAME = Pattern.compile(AccountRules.USERNAME_PATTERN);

    private AccountValidator() {}

    /**
     * What is wrong with {@code username}, checked after stripping leading and trailing white
     * space; empty when it is acceptable.
     */
    public static Optional<String> usernameProblem(String username) {
        String stripped = username == null ? "" : username.strip();
        if (stripped.isEmpty()) {
            return Optional.of("Username is required");
        }
        int length = stripped.codePointCount(0, stripped.length());
        if (length < AccountRules.USERNAME_MIN || length > AccountRules.USERNAME_MAX) {
            return Optional.of("Username must be " + AccountRules.USERNAME_MIN + " to " + AccountRules.USERNAME_MAX
                    + " characters");
        }
        if (!USERNAME.matcher(stripped).matches()) {
            return Optional.of("Username may contain only letters, digits, '.', '_' and '-'");
        }
        return Optional.empty();
    }

    /** What is wrong with {@code password}, taken exactly as typed; empty when it is acceptable. */
    public static Optional<String> passwordProblem(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Password is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < AccountRules.PASSWORD_MIN) {
            return Optional.of("Password must be at least " + AccountRules.PASSWORD_MIN + " characters");
        }
        if (length > AccountRules.PASSWORD_MAX) {
            return Optional.of("Password must be at most " + AccountRules.PASSWORD_MAX + " characters");
        }
        if (!fitsBcrypt(password)) {
            return Optional.of("Password must be at most " + AccountRules.PASSWORD_MAX_BYTES + " bytes");
        }
        return Optional.empty();
    }

    /**
     * Checks both, the username first.
     *
     * @return the username in its stored form ({@link AccountRules#normalizeUsername})
     * @throws InvalidAccountException for the first problem found
     */
    public static String requireValid(String username, String password) {
        usernameProblem(username).ifPresent(message -> {
            throw new InvalidAccountException(AccountRules.USERNAME_FIELD, message);
        });
        passwordProblem(password).ifPresent(message -> {
            throw new InvalidAccountException(AccountRules.PASSWORD_FIELD, message);
        });
        return AccountRules.normalizeUsername(username);
    }

    /** Whether bcrypt would use all of {@code password}: at most {@value AccountRules#PASSWORD_MAX_BYTES} UTF-8 bytes. */
    static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= AccountRules.PASSWORD_MAX_BYTES;
    }
}
