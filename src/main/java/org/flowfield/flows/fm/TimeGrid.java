package org.flowfield.flows.fm;

/**
 * The times an integration visits between two ends: n equal steps, n = round(|t₁ − t₀| / dt), so
 * that the last step lands exactly on t₁ (dt = 0.002, 0.02, 0.05, 0.1, 0.2 all divide 1).
 *
 * @param start t₀ (0 for sampling, 1 for reversal)
 * @param end t₁
 * @param steps number of steps n ≥ 1
 */
public record TimeGrid(double start, double end, int steps) {

    public static final int MAX_STEPS = 100_000;

    public TimeGrid {
        if (steps < 1 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("the number of steps must be in [1, " + MAX_STEPS + "], got " + steps);
        }
        if (!(Double.isFinite(start) && Double.isFinite(end)) || start == end) {
            throw new IllegalArgumentException("an integration needs two distinct finite ends, got " + start + " and " + end);
        }
    }

    /** From t = 0 to t = 1 with step dt (Algorithm 2). */
    public static TimeGrid forward(double dt) {
        return new TimeGrid(0, 1, stepsFor(dt));
    }

    /** From t = 1 back to t = 0 with step dt (Eq. 18). */
    public static TimeGrid backward(double dt) {
        return new TimeGrid(1, 0, stepsFor(dt));
    }

    private static int stepsFor(double dt) {
        if (!(dt > 0 && dt <= 1)) {
            throw new IllegalArgumentException("dt must be in (0, 1], got " + dt);
        }
        return (int) Math.max(1, Math.round(1 / dt));
    }

    /** Signed step size (negative when integrating backwards). */
    public double dt() {
        return (end - start) / steps;
    }

    /**
     * The grid index whose time is nearest to t, for recording a trajectory at chosen times
     * (e.g. t = 0, 0.2, …, 1 in the exercise's flow progression).
     */
    public int stepAt(double t) {
        double lowEnd = Math.min(start, end);
        double highEnd = Math.max(start, end);
        if (!(t >= lowEnd && t <= highEnd)) {
            throw new IllegalArgumentException("t = " + t + " lies outside the grid [" + lowEnd + ", " + highEnd + "]");
        }
        return (int) Math.round((t - start) / dt());
    }

    /** Time at the start of step i (and t₁ for i = n). */
    public double time(int i) {
        return i == steps ? end : start + i * dt();
    }
}
