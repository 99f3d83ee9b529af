package org.flowfield.security;

import java.time.Duration;

/**
 * At most {@code attempts} in any {@code period}; used-up attempts come back evenly over the
 * period.
 *
 * @param attempts 1 to {@value #MAX_ATTEMPTS}
 * @param period 1 second to {@value #MAX_PERIOD_DAYS} days
 */
public record RateLimit(int attempts, Duration period) {

    public static final int MAX_ATTEMPTS = 1_000_000;
    public static final int MAX_PERIOD_DAYS = 7;

    /** @throws IllegalArgumentException with what is allowed, when either is out of bounds */
    public RateLimit {
        if (attempts < 1 || attempts > MAX_ATTEMPTS) {
            throw new IllegalArgumentException("A limit allows 1 to " + MAX_ATTEMPTS + " attempts, not " + attempts);
        }
        if (period == null || period.compareTo(Duration.ofSeconds(1)) < 0 || period.compareTo(Duration.ofDays(MAX_PERIOD_DAYS)) > 0) {
            throw new IllegalArgumentException("A limit's period is 1 second to " + MAX_PERIOD_DAYS + " days, not " + period);
        }
    }

    @Override
    public String toString() {
        return attempts + " per " + period;
    }
}
