package org.flowfield.admin;

import java.time.Duration;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.function.IntConsumer;
import org.flowfield.questions.QuestionLimits;
import org.flowfield.runs.StorageQuota;
import org.flowfield.security.LimitSettings;
import org.flowfield.security.LimitedAction;
import org.flowfield.security.RateLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The other features' limits, adjustable by administrators beside the queue's: the rate limits on
 * log-in and sign-up (their number of attempts; each keeps its period), the heavy answers one person
 * may start per window, and the runs one account may keep. Each change applies from the next
 * request on.
 */
@Configuration(proxyBeanMethods = false)
class FeatureLimitAdjustments {

    /** Most heavy answers per person and window an administrator may set. */
    static final int MAX_HEAVY_ANSWERS = 1_000;

    @Bean
    AdjustableLimit logInPerAddress(LimitSettings limits) {
        return attempts(limits, LimitedAction.LOG_IN_PER_ADDRESS);
    }

    @Bean
    AdjustableLimit logInPerAccount(LimitSettings limits) {
        return attempts(limits, LimitedAction.LOG_IN_PER_ACCOUNT);
    }

    @Bean
    AdjustableLimit signUpPerAddress(LimitSettings limits) {
        return attempts(limits, LimitedAction.SIGN_UP_PER_ADDRESS);
    }

    @Bean
    AdjustableLimit signUpPerServer(LimitSettings limits) {
        return attempts(limits, LimitedAction.SIGN_UP_PER_SERVER);
    }

    @Bean
    AdjustableLimit heavyAnswersPerPerson(QuestionLimits limits) {
        return new Limit("flowfield.questions.computations-per-person",
                "New heavy answers one person may start per window (" + limits.window().toSeconds() + " s)", MAX_HEAVY_ANSWERS,
                limits::computationsPerPerson, limits::setComputationsPerPerson);
    }

    @Bean
    AdjustableLimit storedRunsPerAccount(StorageQuota quota) {
        return new Limit("flowfield.runs.max-stored-per-account", "Runs and data sets one account may keep", StorageQuota.MAX_STORED_RUNS,
                quota::maxStoredRuns, quota::change);
    }

    private static AdjustableLimit attempts(LimitSettings limits, LimitedAction action) {
        String name = "flowfield.limits." + action.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".attempts";
        Duration period = limits.get(action).period();
        return new Limit(name, action.label() + " per " + period.toMinutes() + " min", RateLimit.MAX_ATTEMPTS,
                () -> limits.get(action).attempts(),
                attempts -> limits.set(action, new RateLimit(attempts, limits.get(action).period())));
    }

    private record Limit(String name, String label, long max, IntSupplier current, IntConsumer change) implements AdjustableLimit {

        @Override
        public long min() {
            return 1;
        }

        @Override
        public long get() {
            return current.getAsInt();
        }

        @Override
        public void set(long value) {
            change.accept(Math.toIntExact(value));
        }
    }
}
