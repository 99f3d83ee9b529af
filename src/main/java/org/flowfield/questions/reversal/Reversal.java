package org.flowfield.questions.reversal;

import org.flowfield.data.Standardization;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.fm.FlowMatching;
import org.flowfield.flows.fm.OdeSolver;
import org.flowfield.flows.fm.TimeGrid;
import org.flowfield.flows.nf.CouplingFlow;
import org.flowfield.questions.common.ExercisePoints;
import org.flowfield.questions.common.RecordedSteps;
import org.flowfield.questions.common.Trajectories;

/**
 * §4.3 Q5 "Reversing the flow", for either kind of model so that a view can set them side by
 * side: points taken back to the prior (normalizing flow: φ⁻¹ layer by layer, Eq. 4; flow
 * matching: Euler backwards from t = 1 to t = 0, Eq. 18), then the inverted points sent forwards
 * again (Eq. 3; Algorithm 2 with the same Δt), and how far each round trip ends from its start.
 *
 * <p>A coupling flow's inverse is exact up to rounding (round trips of about 1e-5 with float32
 * forward layers); Euler backwards and forwards are different discretisations of the ODE, so a
 * flow-matching round trip misses by O(Δt).
 *
 * @param family the model's family
 * @param standardization the run's training statistics
 * @param points the starting points x [x0, y0, …], standardised
 * @param classes each point's class for a class-conditional model, else null
 * @param dt the Euler step for flow matching (NaN for a normalizing flow)
 * @param inverse one line per point from x (time 1) back to the prior (time 0)
 * @param inverted the prior points reached [x0, y0, …]
 * @param roundTrip one line per point from the inverted point (time 0) forwards to time 1
 * @param returned where each round trip ends [x0, y0, …]
 * @param distances per point, |returned − point| in standardised units
 */
public record Reversal(
        ModelFamily family, Standardization standardization, float[] points, int[] classes, double dt,
        Trajectories inverse, float[] inverted, Trajectories roundTrip, float[] returned, double[] distances) {

    /** Recorded states per flow-matching path. */
    public static final int STATES = 101;

    public static Reversal of(CouplingFlow flow, Standardization standardization, float[] points) {
        float[][] back = flow.inverseLayers(points).states();
        int layers = back.length - 1;
        float[] inverted = back[layers];
        float[][] forth = flow.forwardLayers(inverted);
        return new Reversal(ModelFamily.NORMALIZING_FLOW, standardization, points.clone(), null, Double.NaN,
                Trajectories.ofStates(Trajectories.layerTimes(layers, true), back), inverted,
                Trajectories.ofStates(Trajectories.layerTimes(layers, false), forth), forth[layers],
                distances(points, forth[layers]));
    }

    /**
     * @param classes one class per point for a class-conditional model, else ignored
     * @param dt the Euler step of both directions
     */
    public static Reversal of(FlowMatching model, Standardization standardization, float[] points, int[] classes, double dt) {
        int[] used = model.config().conditional() ? classes.clone() : null;
        TimeGrid backward = TimeGrid.backward(dt);
        TimeGrid forward = TimeGrid.forward(dt);
        int[] backSteps = RecordedSteps.evenly(backward, STATES);
        int[] forthSteps = RecordedSteps.evenly(forward, STATES);
        float[][] back = model.trajectory(points, used, backward, OdeSolver.EULER, backSteps);
        float[] inverted = back[back.length - 1];
        float[][] forth = model.trajectory(inverted, used, forward, OdeSolver.EULER, forthSteps);
        float[] returned = forth[forth.length - 1];
        return new Reversal(model.family(), standardization, points.clone(), used, dt,
                Trajectories.ofStates(RecordedSteps.times(backward, backSteps), back), inverted,
                Trajectories.ofStates(RecordedSteps.times(forward, forthSteps), forth), returned,
                distances(points, returned));
    }

    private static double[] distances(float[] from, float[] to) {
        double[] distances = new double[from.length / 2];
        for (int i = 0; i < distances.length; i++) {
            distances[i] = ExercisePoints.distance(from, to, i);
        }
        return distances;
    }
}
