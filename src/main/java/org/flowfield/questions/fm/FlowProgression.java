package org.flowfield.questions.fm;

import java.util.stream.IntStream;
import org.flowfield.data.Standardization;
import org.flowfield.flows.fm.FlowMatching;
import org.flowfield.flows.fm.OdeSolver;
import org.flowfield.flows.fm.TimeGrid;
import org.flowfield.metrics.QualityEvaluator;

/**
 * §4.3 Q2 "Flow progression": {@link #POINTS} prior points integrated exactly as the model samples
 * (Euler, Δt = {@link FlowMatching#SAMPLING_DT}, Algorithm 2), recorded every {@link #FRAME_DT}
 * for an animation; the panels at t = 0, 0.2, …, 1 are six of those frames.
 *
 * @param standardization the run's training statistics
 * @param classes the class of each point for a class-conditional model (0, 1, 2, 3, 4, 0, …), else null
 * @param frameTimes t of each frame: 0, 0.02, …, 1
 * @param frames per frame, the {@link #POINTS} points [x0, y0, …] at that t, standardised; the last
 *     frame equals {@code model.sample(POINTS, classes, SEED)}
 * @param panelFrames indices into frames of the panels t = 0, 0.2, 0.4, 0.6, 0.8, 1
 */
public record FlowProgression(
        Standardization standardization, int[] classes, double[] frameTimes, float[][] frames, int[] panelFrames) {

    public static final int POINTS = 1_000;
    public static final long SEED = 22;
    public static final double FRAME_DT = 0.02;
    public static final double PANEL_DT = 0.2;

    public static FlowProgression of(FlowMatching model, Standardization standardization) {
        int[] classes = model.config().conditional() ? QualityEvaluator.cyclingClasses(POINTS, model.config().classes()) : null;
        TimeGrid grid = TimeGrid.forward(FlowMatching.SAMPLING_DT);
        int frameCount = (int) Math.round(1 / FRAME_DT) + 1;
        double[] frameTimes = IntStream.range(0, frameCount).mapToDouble(k -> k * FRAME_DT).toArray();
        frameTimes[frameCount - 1] = 1;
        int[] steps = IntStream.range(0, frameCount).map(k -> grid.stepAt(frameTimes[k])).toArray();
        float[][] frames = model.trajectory(model.drawSource(POINTS, SEED), classes, grid, OdeSolver.EULER, steps);
        int every = (int) Math.round(PANEL_DT / FRAME_DT);
        int[] panels = IntStream.range(0, frameCount).filter(k -> k % every == 0).toArray();
        return new FlowProgression(standardization, classes, frameTimes, frames, panels);
    }
}
