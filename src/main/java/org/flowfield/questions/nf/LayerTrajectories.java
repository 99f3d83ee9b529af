package org.flowfield.questions.nf;

import org.flowfield.data.Standardization;
import org.flowfield.flows.StandardNormal;
import org.flowfield.flows.nf.CouplingFlow;
import org.flowfield.questions.common.Trajectories;

/**
 * §3.3 Q4 "Sampling trajectories": {@link #POINTS} samples followed through every coupling layer.
 *
 * @param standardization the run's training statistics
 * @param paths one line per point from z (time 0) through each layer to x (time 1); time k / L
 *     after layer k; standardised coordinates
 */
public record LayerTrajectories(Standardization standardization, Trajectories paths) {

    public static final int POINTS = 10;
    public static final long SEED = 44;

    public static LayerTrajectories of(CouplingFlow flow, Standardization standardization) {
        float[][] states = flow.forwardLayers(StandardNormal.draw(POINTS, SEED));
        int layers = states.length - 1;
        return new LayerTrajectories(standardization, Trajectories.ofStates(Trajectories.layerTimes(layers, false), states));
    }
}
