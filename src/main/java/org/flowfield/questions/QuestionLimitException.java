package org.flowfield.questions;

import java.time.Duration;

/** A person asked for more new heavy answers within the window than {@link QuestionLimits} allows. */
public class QuestionLimitException extends RuntimeException {

    private final Duration retryAfter;

    QuestionLimitException(int computations, Duration window, Duration retryAfter) {
        super("You have asked for " + computations + " new heavy answers (density maps, Δt sweeps, flow progressions, "
                + "class samples, targeted samples) in the last " + seconds(window) + ", the most one person may; "
                + "answers already computed stay available. Try again in " + seconds(retryAfter) + ".");
        this.retryAfter = retryAfter;
    }

    /** How long until the person may start another heavy computation. */
    public Duration retryAfter() {
        return retryAfter;
    }

    private static String seconds(Duration duration) {
        long seconds = Math.max(1, (duration.toMillis() + 999) / 1000);
        return seconds + (seconds == 1 ? " second" : " seconds");
    }
}
