package org.flowfield.published;

import java.util.List;

/** A figure over a protocol's seeds summarised as the paper does: the mean ± the sample standard deviation. */
public final class SeedSpread {

    private SeedSpread() {}

    /** The band of {@code values} (n − 1 in the variance's denominator; std 0 for one value). */
    public static Band of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a band needs at least one seed's figure");
        }
        double mean = 0;
        for (double value : values) {
            mean += value;
        }
        mean /= values.size();
        if (values.size() == 1) {
            return new Band(mean, 0);
        }
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return new Band(mean, Math.sqrt(squares / (values.size() - 1)));
    }
}
