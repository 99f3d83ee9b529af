package org.flowfield.compare;

import java.util.List;
import org.flowfield.runs.Run;

/**
 * log p(x) of the same points in every compared run.
 *
 * @param points the points [x0, y0, …], in standardised coordinates (the coordinates each model
 *     sees, docs/data.md), the same numbers for every run
 * @param runs the runs, in the order of the comparison
 * @param logLikelihood per run, per point, log p(x) in nats in standardised coordinates (−∞ where
 *     the density is 0 to double precision); NaN for every point of a run that has not finished
 * @param methods per run, how its log p(x) was computed
 */
public record Probe(float[] points, List<Run> runs, List<double[]> logLikelihood, List<String> methods) {

    public Probe {
        points = points.clone();
        runs = List.copyOf(runs);
        logLikelihood = logLikelihood.stream().map(double[]::clone).toList();
        methods = List.copyOf(methods);
    }

    public int pointCount() {
        return points.length / 2;
    }

    /** log p(x) of point {@code point} in run {@code run} (indices as in the comparison). */
    public double logLikelihood(int run, int point) {
        return logLikelihood.get(run)[point];
    }
}
