package org.flowfield.security;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The rate limits in force, one per {@link LimitedAction}: read from {@code flowfield.limits.*} at
 * start, and changeable while the server runs (an administrator's page calls {@link #set}). A
 * change applies to the next attempt; attempts already used stay used.
 */
@Component
@EnableConfigurationProperties(LimitProperties.class)
public class LimitSettings {

    private final Map<LimitedAction, RateLimit> limits = Collections.synchronizedMap(new EnumMap<>(LimitedAction.class));

    LimitSettings(LimitProperties configured) {
        Map<LimitedAction, RateLimit> given = configured.limits() == null ? Map.of() : configured.limits();
        for (LimitedAction action : LimitedAction.values()) {
            RateLimit limit = given.get(action);
            if (limit == null) {
                throw new IllegalStateException("flowfield.limits." + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                        + ".attempts and .period must be set");
            }
            limits.put(action, limit);
        }
    }

    /** The limit in force on this action. */
    public RateLimit get(LimitedAction action) {
        return limits.get(Objects.requireNonNull(action, "action"));
    }

    /** Changes the limit on this action from the next attempt on. */
    public void set(LimitedAction action, RateLimit limit) {
        limits.put(Objects.requireNonNull(action, "action"), Objects.requireNonNull(limit, "limit"));
    }

    /** Every limit in force, in the order of {@link LimitedAction}. */
    public Map<LimitedAction, RateLimit> all() {
        Map<LimitedAction, RateLimit> copy = new EnumMap<>(LimitedAction.class);
        Arrays.stream(LimitedAction.values()).forEach(action -> copy.put(action, get(action)));
        return copy;
    }
}
