package org.flowfield.security;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The limits as configured at start: {@code flowfield.limits.<action>.attempts} and {@code
 * .period} for every {@link LimitedAction} (e.g. {@code flowfield.limits.log-in-per-address}).
 */
@ConfigurationProperties("flowfield")
record LimitProperties(Map<LimitedAction, RateLimit> limits) {}
