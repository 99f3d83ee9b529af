package org.flowfield.security;

/**
 * What the server rate-limits, and per what. Each has one {@link RateLimit}, set by {@code
 * flowfield.limits.<name>} and changeable while the server runs ({@link LimitSettings}).
 */
public enum LimitedAction {

    LOG_IN_PER_ADDRESS("Log-in attempts from one address", "log-in attempts from your address"),
    /** Counts the failed attempts only: a successful log-in gives its attempt back. */
    LOG_IN_PER_ACCOUNT("Failed log-ins to one account", "failed log-in attempts for this account"),
    SIGN_UP_PER_ADDRESS("Sign-ups from one address", "sign-ups from your address"),
    SIGN_UP_PER_SERVER("Sign-ups to the whole server", "sign-ups on this server");

    private final String label;
    private final String tooMany;

    LimitedAction(String label, String tooMany) {
        this.label = label;
        this.tooMany = tooMany;
    }

    /** How an administrator's form names the limit. */
    public String label() {
        return label;
    }

    /** What there were too many of, in the words a refused user reads ("Too many …"). */
    String tooMany() {
        return tooMany;
    }
}
