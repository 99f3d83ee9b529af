package org.flowfield.questions.nf;

import java.util.Optional;
import org.flowfield.data.Standardization;
import org.flowfield.flows.nf.CouplingFlow;
import org.flowfield.flows.nf.InverseTrace;
import org.flowfield.metrics.DataDensity;
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
 * @param trueLogDensity per point, the data's own log p(x) in the same coordinates (−∞ outside its
 *     support), to set beside the model's; null when the data's density is not known exactly
 */
public record ProbabilityEstimate(
        Standardization standardization, float[] points, boolean[] insideLogo, double[] logLikelihood, Trajectories inverse,
        double[] trueLogDensity) {

    public static ProbabilityEstimate of(CouplingFlow flow, Standardization standardization, float[] points,
            Optional<DataDensity> density) {
        InverseTrace trace = flow.inverseLayers(points);
        int layers = trace.states().length - 1;
        return new ProbabilityEstimate(standardization, points.clone(), ExercisePoints.insideLogo(points, standardization),
                trace.logLikelihood(), Trajectories.ofStates(Trajectories.layerTimes(layers, true), trace.states()),
                density.map(known -> trueLogDensity(known, points)).orElse(null));
    }

    /** The data's log p at each point (class-free: Q5's models are normalizing flows of p(x)). */
    static double[] trueLogDensity(DataDensity density, float[] points) {
        double[] logP = new double[points.length / 2];
        for (int i = 0; i < logP.length; i++) {
            logP[i] = density.logDensity(points[2 * i], points[2 * i + 1], 0);
        }
        return logP;
    }
}
