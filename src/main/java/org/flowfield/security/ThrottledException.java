package org.flowfield.security;

import java.time.Duration;
import java.util.Objects;

/**
 * Thrown when an attempt goes over a {@link RateLimit}; nothing was done. The message says what
 * there were too many of and when to try again ("Too many sign-ups from your address. Try again
 * in 4 minutes.").
 */
public class ThrottledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final LimitedAction action;
    private final Duration retryAfter;

    public ThrottledException(LimitedAction action, Duration retryAfter) {
        super("Too many " + action.tooMany() + ". Try again in " + inWords(retryAfter) + ".");
        this.action = action;
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** The limit that refused. */
    public LimitedAction action() {
        return action;
    }

    /** How long until one more attempt is allowed. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** A wait in whole seconds or minutes, rounded up: "1 second", "45 seconds", "4 minutes". */
    public static String inWords(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
