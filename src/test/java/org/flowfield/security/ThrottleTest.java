package org.flowfield.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The limits as Bucket4j enforces them, on fresh settings per test. */
class ThrottleTest {

    private final LimitSettings settings = new LimitSettings(new LimitProperties(limits(5, Duration.ofMinutes(10))));
    private final Throttle throttle = new Throttle(settings);

    private static Map<LimitedAction, RateLimit> limits(int attempts, Duration period) {
        Map<LimitedAction, RateLimit> limits = new EnumMap<>(LimitedAction.class);
        for (LimitedAction action : LimitedAction.values()) {
            limits.put(action, new RateLimit(attempts, period));
        }
        return limits;
    }

    @Test
    void theAttemptAfterTheLimitIsRefusedWithTheWaitInItsMessage() {
        for (int i = 0; i < 5; i++) {
            throttle.acquire(LimitedAction.SIGN_UP_PER_ADDRESS, "10.0.0.1");
        }

        assertThatThrownBy(() -> throttle.acquire(LimitedAction.SIGN_UP_PER_ADDRESS, "10.0.0.1"))
                .isInstanceOfSatisfying(ThrottledException.class, refused -> {
                    assertThat(refused.action()).isEqualTo(LimitedAction.SIGN_UP_PER_ADDRESS);
                    // one of five attempts comes back every two minutes
                    assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(2));
                    assertThat(refused.retryAfter()).isGreaterThan(Duration.ofSeconds(60));
                    assertThat(refused.getMessage()).isEqualTo("Too many sign-ups from your address. Try again in 2 minutes.");
                });
    }

    @Test
    void keysAndActionsAreCountedApart() {
        for (int i = 0; i < 5; i++) {
            throttle.acquire(LimitedAction.LOG_IN_PER_ADDRESS, "10.0.0.2");
        }

        throttle.acquire(LimitedAction.LOG_IN_PER_ADDRESS, "10.0.0.3");
        throttle.acquire(LimitedAction.SIGN_UP_PER_ADDRESS, "10.0.0.2");
        assertThatThrownBy(() -> throttle.acquire(LimitedAction.LOG_IN_PER_ADDRESS, "10.0.0.2")).isInstanceOf(ThrottledException.class);
    }

    @Test
    void aReleasedAttemptCanBeUsedAgain() {
        for (int i = 0; i < 5; i++) {
            throttle.acquire(LimitedAction.LOG_IN_PER_ACCOUNT, "ada");
        }
        throttle.release(LimitedAction.LOG_IN_PER_ACCOUNT, "ada");

        throttle.acquire(LimitedAction.LOG_IN_PER_ACCOUNT, "ada");
        assertThatThrownBy(() -> throttle.acquire(LimitedAction.LOG_IN_PER_ACCOUNT, "ada")).isInstanceOf(ThrottledException.class);
    }

    @Test
    void aChangedLimitAppliesFromTheNextAttemptOn() {
        throttle.acquire(LimitedAction.LOG_IN_PER_ACCOUNT, "bob");
        throttle.acquire(LimitedAction.LOG_IN_PER_ACCOUNT, "bob");

        settings.set(LimitedAction.LOG_IN_PER_ACCOUNT, new RateLimit(2, Duration.ofHours(1)));

        assertThat(settings.get(LimitedAction.LOG_IN_PER_ACCOUNT)).isEqualTo(new RateLimit(2, Duration.ofHours(1)));
        assertThatThrownBy(() -> throttle.acquire(LimitedAction.LOG_IN_PER_ACCOUNT, "bob"))
                .isInstanceOfSatisfying(ThrottledException.class,
                        refused -> assertThat(refused.retryAfter()).isGreaterThan(Duration.ofMinutes(2)).isLessThanOrEqualTo(Duration.ofMinutes(30)));
        settings.set(LimitedAction.LOG_IN_PER_ACCOUNT, new RateLimit(50, Duration.ofHours(1)));
        throttle.acquire(LimitedAction.LOG_IN_PER_ACCOUNT, "bob");
    }

    @Test
    void everyActionNeedsAConfiguredLimitAndLimitsHaveBounds() {
        Map<LimitedAction, RateLimit> missing = limits(5, Duration.ofMinutes(1));
        missing.remove(LimitedAction.SIGN_UP_PER_SERVER);

        assertThatThrownBy(() -> new LimitSettings(new LimitProperties(missing)))
                .hasMessage("flowfield.limits.sign-up-per-server.attempts and .period must be set");
        assertThatThrownBy(() -> new RateLimit(0, Duration.ofMinutes(1))).hasMessage("A limit allows 1 to 1000000 attempts, not 0");
        assertThatThrownBy(() -> new RateLimit(3, Duration.ZERO)).hasMessage("A limit's period is 1 second to 7 days, not PT0S");
    }

    @Test
    void waitsAreWordedRoundedUp() {
        assertThat(ThrottledException.inWords(Duration.ofMillis(10))).isEqualTo("1 second");
        assertThat(ThrottledException.inWords(Duration.ofMillis(44_100))).isEqualTo("45 seconds");
        assertThat(ThrottledException.inWords(Duration.ofSeconds(60))).isEqualTo("1 minute");
        assertThat(ThrottledException.inWords(Duration.ofSeconds(61))).isEqualTo("2 minutes");
    }
}
