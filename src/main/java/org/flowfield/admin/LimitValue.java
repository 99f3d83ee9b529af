package org.flowfield.admin;

/** One adjustable limit as the administration shows it: what it is, its bounds and its value now. */
public record LimitValue(String name, String label, long min, long max, long value) {

    static LimitValue of(AdjustableLimit limit) {
        return new LimitValue(limit.name(), limit.label(), limit.min(), limit.max(), limit.get());
    }
}
