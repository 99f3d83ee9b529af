package org.flowfield.questions.cfm;

import org.flowfield.data.OlympicRings;
import org.flowfield.data.Standardization;
import org.flowfield.flows.fm.FlowMatching;
import org.flowfield.flows.fm.OdeSolver;
import org.flowfield.flows.fm.TimeGrid;
import org.flowfield.questions.common.RecordedSteps;
import org.flowfield.questions.common.Trajectories;

/**
 * §4.3 conditional Q2 "A point from each class": one sample per class with its path, sampled as
 * the model samples (Euler, Δt = 1/1000), and whether it reached its class's ring.
 *
 * @param standardization the run's training statistics
 * @param labels the class of each point: 0, 1, 2, 3, 4 (black, blue, green, red, yellow)
 * @param paths one line per class from t = 0 to t = 1, {@link #STATES} states, standardised
 * @param endPoints each path's end, the sample [x0, y0, …], standardised
 * @param inOwnRing per point, whether the sample lies in its class's ring annulus (original coordinates)
 */
public record ClassTrajectories(
        Standardization standardization, int[] labels, Trajectories paths, float[] endPoints, boolean[] inOwnRing) {

    public static final long SEED = 24;
    public static final int STATES = 101;

    public static ClassTrajectories of(FlowMatching model, Standardization standardization) {
        int[] labels = java.util.stream.IntStream.range(0, OlympicRings.NUM_CLASSES).toArray();
        TimeGrid grid = TimeGrid.forward(FlowMatching.SAMPLING_DT);
        int[] steps = RecordedSteps.evenly(grid, STATES);
        float[][] states = model.trajectory(model.drawSource(labels.length, SEED), labels, grid, OdeSolver.EULER, steps);
        float[] ends = states[states.length - 1];
        boolean[] inOwnRing = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            inOwnRing[i] = OwnRing.contains(labels[i], ends[2 * i], ends[2 * i + 1], standardization);
        }
        return new ClassTrajectories(standardization, labels, Trajectories.ofStates(RecordedSteps.times(grid, steps), states),
                ends, inOwnRing);
    }
}
