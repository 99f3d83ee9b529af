package org.flowfield.compare;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The compared runs' progressions from noise to data, aligned as fractions of the way: for each
 * fraction f = 0, 1/{@value #STEPS}, …, 1 a normalizing flow of L coupling layers shows its points
 * after round(f·L) layers (§3.3 Q3, layer 0 being the prior draw), a flow-matching model its points
 * at t = f (§4.3 Q2, Euler with Δt = 1/1000). f = 0 is therefore each model's noise, f = 1 its samples.
 *
 * @param fractions f of each frame
 * @param runs per run, its frames at those fractions
 */
public record SharedProgression(double[] fractions, List<RunProgression> runs) {

    /** Frames after the first: f advances by 1/50 = 0.02, the flow-matching progression's frame step. */
    public static final int STEPS = 50;

    public SharedProgression {
        fractions = fractions.clone();
        runs = List.copyOf(runs);
    }

    /** 0, 0.02, …, 1 (exactly k / {@link #STEPS}). */
    public static double[] standardFractions() {
        return IntStream.rangeClosed(0, STEPS).mapToDouble(k -> (double) k / STEPS).toArray();
    }

    /** The layer shown at frame k of a flow with {@code layers} coupling layers: round(k · L / STEPS). */
    public static int layerAt(int k, int layers) {
        return (int) Math.round((double) k * layers / STEPS);
    }

    /** The shared caption of a frame, e.g. "f = 0.20 of the way from noise to data". */
    public static String fractionLabel(double fraction) {
        return String.format(Locale.ROOT, "f = %.2f of the way from noise to data", fraction);
    }

    public int frameCount() {
        return fractions.length;
    }
}
