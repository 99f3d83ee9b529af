package org.flowfield.datasets;

/**
 * The area of a region: {@code lower ≤ area ≤ upper} hold exactly (up to floating-point rounding);
 * {@code estimate} lies between them and is far closer to the area than the bounds' width.
 *
 * @param strips the number of horizontal strips the region was cut into
 */
public record AreaBounds(double lower, double estimate, double upper, int strips) {

    public AreaBounds {
        if (!(lower <= estimate && estimate <= upper)) {
            throw new IllegalArgumentException("need lower ≤ estimate ≤ upper, got " + lower + ", " + estimate + ", " + upper);
        }
    }

    /** The widest the error of log(area) can be: log(upper / lower). */
    public double logWidth() {
        return Math.log(upper / lower);
    }
}
