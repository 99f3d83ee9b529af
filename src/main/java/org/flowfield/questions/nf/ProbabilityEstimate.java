package org.flowfield.questions.nf;

import org.flowfield.data.Standardization;
import org.flowfield.flows.nf.CouplingFlow;
import org.flowfield.flows.nf.InverseTrace;
import org.flowfield.questions.common.ExercisePoints;
import org.flowfield.questions.common.Trajectories;

/**
 * §3.3 Q5 "Probability estimation": chosen points taken back through the flow layer by layer, with
 * log p(x) by the change of variables (Eqs. 2 and 8, in double precision, as the core computes it).
 *
 * @param standardization the run's training statistics
 * @param points the points x [x0, y0, …], standardised
 * @param insideLogo per point, whether it lies in a ring annulus (original coordinates, docs/data.md)
 * @param logLikelihood per point, log p(x) in nats in standardised coordinates; −∞ where the
 *     density is 0 to double precision. Add −log(stdX · stdY) for the density in original units.
 * @param inverse one line per point from x (time 1) back through each layer to z = φ⁻¹(x) (time 0)
 */
public record ProbabilityEstimate(
        Standardization standardization, float[] points, boolean[] insideLogo, double[] logLikelihood, Trajectories inverse) {

    public static ProbabilityEstimate of(CouplingFlow flow, Standardization standardization, float[] points) {
        InverseTrace trace = flow.inverseLayers(points);
        int layers = trace.states().length - 1;
        return new ProbabilityEstimate(standardization, points.clone(), ExercisePoints.insideLogo(points, standardization),
                trace.logLikelihood(), Trajectories.ofStates(Trajectories.layerTimes(layers, true), trace.states()));
    }
}
