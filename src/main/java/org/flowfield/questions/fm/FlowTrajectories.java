package org.flowfield.questions.fm;

import org.flowfield.data.Standardization;
import org.flowfield.flows.fm.FlowMatching;
import org.flowfield.flows.fm.OdeSolver;
import org.flowfield.flows.fm.TimeGrid;
import org.flowfield.metrics.QualityEvaluator;
import org.flowfield.questions.common.RecordedSteps;
import org.flowfield.questions.common.Trajectories;

/**
 * §4.3 Q3 "Point trajectory": {@link #POINTS} samples' forward paths, integrated as the model
 * samples (Euler, Δt = 1/1000) and recorded at {@link #STATES} evenly spaced times.
 *
 * @param standardization the run's training statistics
 * @param classes each point's class for a class-conditional model (0, 1, 2, …), else null
 * @param paths one line per point from t = 0 to t = 1, standardised
 */
public record FlowTrajectories(Standardization standardization, int[] classes, Trajectories paths) {

    public static final int POINTS = 10;
    public static final long SEED = 23;
    /** Recorded states per path: t = 0, 0.01, …, 1. */
    public static final int STATES = 101;

    public static FlowTrajectories of(FlowMatching model, Standardization standardization) {
        int[] classes = model.config().conditional() ? QualityEvaluator.cyclingClasses(POINTS, model.config().classes()) : null;
        TimeGrid grid = TimeGrid.forward(FlowMatching.SAMPLING_DT);
        int[] steps = RecordedSteps.evenly(grid, STATES);
        float[][] states = model.trajectory(model.drawSource(POINTS, SEED), classes, grid, OdeSolver.EULER, steps);
        return new FlowTrajectories(standardization, classes,
                Trajectories.ofStates(RecordedSteps.times(grid, steps), states));
    }
}
