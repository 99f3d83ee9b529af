package org.flowfield.questions.nf;

import org.flowfield.data.Standardization;
import org.flowfield.flows.nf.CouplingFlow;

/**
 * §3.3 Q2 "Sampling": {@link #POINTS} samples for each of a few seeds, one pass of the forward map.
 *
 * @param standardization the run's training statistics, to convert the points to original coordinates
 * @param seeds the seed of each panel's prior draw
 * @param samples per seed, {@link #POINTS} points [x0, y0, x1, y1, …] in standardised coordinates
 */
public record SeedSamples(Standardization standardization, long[] seeds, float[][] samples) {

    public static final int POINTS = 1_000;
    /** The exercise asks for three seeds; these are the defaults. */
    public static final long[] DEFAULT_SEEDS = {1, 2, 3};

    public static SeedSamples of(CouplingFlow flow, Standardization standardization, long[] seeds) {
        float[][] samples = new float[seeds.length][];
        for (int s = 0; s < seeds.length; s++) {
            samples[s] = flow.sample(POINTS, null, seeds[s]);
        }
        return new SeedSamples(standardization, seeds.clone(), samples);
    }
}
