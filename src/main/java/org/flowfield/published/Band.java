package org.flowfield.published;

/** A figure as a paper reports it over seeds: mean ± one standard deviation. */
public record Band(double mean, double std) {

    public Band {
        if (!(std >= 0) || !Double.isFinite(mean) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("a band needs a finite mean and a non-negative std, got " + mean + " ± " + std);
        }
    }

    public boolean contains(double value) {
        return value >= mean - std && value <= mean + std;
    }

    /** How many standard deviations {@code value} lies from the mean; infinite when std is 0 and they differ. */
    public double deviations(double value) {
        double gap = Math.abs(value - mean);
        return gap == 0 ? 0 : gap / std;
    }
}
