package org.flowfield.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Enforces the {@link LimitSettings}: one token bucket (Bucket4j) per action and key (an address,
 * a username, or one key for the whole server), in this server's memory. A bucket follows a
 * changed limit at its next use. The buckets of one action are bounded in number: past {@value
 * #MAX_KEYS}, buckets that are full again (no different from new ones) are dropped, and then, if
 * still too many, any; a flood of fresh keys can thus cost others their count, never their access.
 */
@Component
public class Throttle {

    static final int MAX_KEYS = 100_000;

    private record Limited(Bucket bucket, RateLimit limit) {}

    private final LimitSettings settings;
    private final Map<LimitedAction, Map<String, Limited>> buckets = new EnumMap<>(LimitedAction.class);

    Throttle(LimitSettings settings) {
        this.settings = settings;
        for (LimitedAction action : LimitedAction.values()) {
            buckets.put(action, new ConcurrentHashMap<>());
        }
    }

    /**
     * Takes one attempt from the bucket of this action and key.
     *
     * @throws ThrottledException when none is left, with the time until the next one
     */
    public void acquire(LimitedAction action, String key) {
        ConsumptionProbe probe = bucket(action, key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new ThrottledException(action, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** Gives one attempt back (a log-in that succeeded does not count as a failure). */
    public void release(LimitedAction action, String key) {
        Limited limited = buckets.get(action).get(Objects.requireNonNull(key, "key"));
        if (limited != null) {
            limited.bucket().addTokens(1);
        }
    }

    private Bucket bucket(LimitedAction action, String key) {
        Objects.requireNonNull(key, "key");
        RateLimit limit = settings.get(action);
        Map<String, Limited> ofAction = buckets.get(action);
        if (ofAction.size() >= MAX_KEYS && !ofAction.containsKey(key)) {
            shrink(ofAction);
        }
        Limited limited = ofAction.computeIfAbsent(key, fresh -> new Limited(Bucket.builder().addLimit(bandwidth(limit)).build(), limit));
        if (!limited.limit().equals(limit)) {
            // the attempts used stay used under the new limit
            long used = Math.max(0, limited.limit().attempts() - limited.bucket().getAvailableTokens());
            limited.bucket().replaceConfiguration(BucketConfiguration.builder().addLimit(bandwidth(limit)).build(),
                    TokensInheritanceStrategy.RESET);
            if (used > 0) {
                limited.bucket().tryConsumeAsMuchAsPossible(used);
            }
            ofAction.replace(key, limited, new Limited(limited.bucket(), limit));
        }
        return limited.bucket();
    }

    private static Bandwidth bandwidth(RateLimit limit) {
        return Bandwidth.builder().capacity(limit.attempts()).refillGreedy(limit.attempts(), limit.period()).build();
    }

    private static void shrink(Map<String, Limited> ofAction) {
        ofAction.values().removeIf(limited -> limited.bucket().getAvailableTokens() >= limited.limit().attempts());
        Iterator<String> keys = ofAction.keySet().iterator();
        while (ofAction.size() >= MAX_KEYS && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
