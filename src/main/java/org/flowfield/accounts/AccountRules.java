package org.flowfield.accounts;

import java.util.Locale;

/**
 * The rules for usernames and passwords, one constant per bound, checked by {@link
 * AccountValidator} for a form and for {@link AccountService} alike. Every bound is inclusive.
 */
public final class AccountRules {

    private AccountRules() {}

    /** The name of the username field, as {@link InvalidAccountException#field()} reports it. */
    public static final String USERNAME_FIELD = "username";

    /** The name of the password field, as {@link InvalidAccountException#field()} reports it. */
    public static final String PASSWORD_FIELD = "password";

    /** The current password when changing it, as {@link InvalidAccountException#field()} reports it. */
    public static final String CURRENT_PASSWORD_FIELD = "currentPassword";

    /** The new password when changing it, as {@link InvalidAccountException#field()} reports it. */
    public static final String NEW_PASSWORD_FIELD = "newPassword";

    /** Shortest username, in characters. */
    public static final int USERNAME_MIN = 3;

    /** Longest username, in characters: the width of {@code account.username}. */
    public static final int USERNAME_MAX = 40;

    /**
     * The characters a username may contain, as a regular expression over the whole username:
     * ASCII letters, digits, '.', '_' and '-'. ASCII only, so that lower-casing is the same in
     * every locale and no two usernames look alike.
     */
    public static final String USERNAME_PATTERN = "[A-Za-z0-9._-]+";

    /** Shortest password, in characters (Unicode code points). */
    public static final int PASSWORD_MIN = 8;

    /**
     * Longest password, in characters (Unicode code points). In practice {@link
     * #PASSWORD_MAX_BYTES} binds first: a password of more than 72 characters is always more
     * than 72 bytes. This bound only gives an enormous paste its own message.
     */
    public static final int PASSWORD_MAX = 128;

    /**
     * Longest password in UTF-8 bytes: bcrypt ignores every byte after the 72nd, so a longer
     * password is rejected rather than partly ignored. 72 ASCII characters, fewer with accented
     * letters (2 bytes), most other scripts (3 bytes) or emoji (4 bytes).
     */
    public static final int PASSWORD_MAX_BYTES = 72;

    /**
     * The form in which a username is stored and compared: without leading and trailing white
     * space, in lower case. Usernames are therefore case-insensitive: "Alice" signs in as "alice".
     *
     * @return {@code null} for {@code null}
     */
    public static String normalizeUsername(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }
}
