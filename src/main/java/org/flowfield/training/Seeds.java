package org.flowfield.training;

/**
 * Derives independent seeds for each random draw of a run from its seed, so that any step can be
 * replayed from (seed, position) alone.
 */
public final class Seeds {

    static final long WEIGHTS = 1;
    static final long SHUFFLE = 2;
    static final long STEP_NOISE = 3;
    static final long VALIDATION = 4;
    static final long SNAPSHOT = 5;
    static final long SOURCE = 6;
    static final long SPLIT = 7;
    static final long RESAMPLE = 8;

    private Seeds() {}

    /** A well-mixed seed for draw {@code index} of {@code stream} (SplitMix64's finaliser). */
    public static long derive(long seed, long stream, long index) {
        long z = seed + stream * 0x9E3779B97F4A7C15L + index * 0xD1B54A32D192ED03L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
