package org.flowfield.questions.common;

/**
 * Paths of points through a flow, one line per point, for a chart that colours each line by time.
 *
 * <p>Time is the flow's own clock: t of the vector field for flow matching; k / L after k of the L
 * coupling layers for a normalizing flow (0 is the prior, 1 the data side).
 *
 * @param times the time of each recorded state, in the order of travel (ascending forwards,
 *     descending for an inverse or backward process)
 * @param paths one array per point, interleaved {@code [x(times[0]), y(times[0]), x(times[1]), …]},
 *     length 2 · times.length
 */
public record Trajectories(double[] times, float[][] paths) {

    /**
     * Regroups states recorded per time into paths per point.
     *
     * @param times time of each state
     * @param states one array [N × 2] interleaved per time
     */
    public static Trajectories ofStates(double[] times, float[][] states) {
        if (times.length != states.length || states.length == 0) {
            throw new IllegalArgumentException("need one state per time, got " + states.length + " states for "
                    + times.length + " times");
        }
        int points = states[0].length / 2;
        float[][] paths = new float[points][2 * times.length];
        for (int k = 0; k < times.length; k++) {
            for (int i = 0; i < points; i++) {
                paths[i][2 * k] = states[k][2 * i];
                paths[i][2 * k + 1] = states[k][2 * i + 1];
            }
        }
        return new Trajectories(times.clone(), paths);
    }

    /** The times k / L of a normalizing flow's L + 1 states, forwards (0 … 1) or inverse (1 … 0). */
    public static double[] layerTimes(int layers, boolean inverse) {
        double[] times = new double[layers + 1];
        for (int k = 0; k <= layers; k++) {
            times[k] = (double) (inverse ? layers - k : k) / layers;
        }
        return times;
    }

    /** Number of points (lines). */
    public int points() {
        return paths.length;
    }
}
