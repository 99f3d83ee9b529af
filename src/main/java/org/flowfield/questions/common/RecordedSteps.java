package org.flowfield.questions.common;

import java.util.Arrays;
import org.flowfield.flows.fm.TimeGrid;

/** Which grid indices of an integration to record for a chart. */
public final class RecordedSteps {

    private RecordedSteps() {}

    /** About {@code count} indices evenly spread over 0..n, always including both ends, ascending and distinct. */
    public static int[] evenly(TimeGrid grid, int count) {
        int n = grid.steps();
        int states = Math.min(count, n + 1);
        int[] indices = new int[states];
        for (int k = 0; k < states; k++) {
            indices[k] = (int) Math.round((double) k * n / (states - 1));
        }
        return Arrays.stream(indices).distinct().toArray();
    }

    /** The grid's time at each index. */
    public static double[] times(TimeGrid grid, int[] indices) {
        double[] times = new double[indices.length];
        for (int k = 0; k < indices.length; k++) {
            times[k] = grid.time(indices[k]);
        }
        return times;
    }
}
