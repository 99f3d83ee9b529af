package org.flowfield.questions.nf;

import org.flowfield.data.Standardization;
import org.flowfield.flows.StandardNormal;
import org.flowfield.flows.nf.CouplingFlow;

/**
 * §3.3 Q3 "Sampling over time": the same {@link #POINTS} prior points after every coupling layer
 * (for an animation), and the six layers the exercise's panels show.
 *
 * @param standardization the run's training statistics
 * @param layers L, the number of coupling layers
 * @param states L + 1 arrays of {@link #POINTS} points [x0, y0, …], standardised: states[0] is the
 *     prior draw z, states[k] the points after coupling layer k (states[L] are the samples)
 * @param panelLayers the indices into states of the panels: round(k · L / 5) for k = 0..5, i.e.
 *     the input and every fifth of the way (0, 3, 6, 9, 12, 15 for 15 layers); all layers when L &lt; 5
 */
public record LayerProgression(Standardization standardization, int layers, float[][] states, int[] panelLayers) {

    public static final int POINTS = 1_000;
    /** Seed of the prior draw, fixed so that the animation is the same on every visit. */
    public static final long SEED = 33;
    private static final int PANELS = 6;

    public static LayerProgression of(CouplingFlow flow, Standardization standardization) {
        float[][] states = flow.forwardLayers(StandardNormal.draw(POINTS, SEED));
        int layers = states.length - 1;
        return new LayerProgression(standardization, layers, states, panelLayers(layers));
    }

    /** round(k · L / 5), k = 0..5, without repeats. */
    public static int[] panelLayers(int layers) {
        return java.util.stream.IntStream.range(0, PANELS)
                .map(k -> (int) Math.round((double) k * layers / (PANELS - 1)))
                .distinct()
                .toArray();
    }
}
