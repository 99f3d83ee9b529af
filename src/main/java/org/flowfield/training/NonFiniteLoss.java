package org.flowfield.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowfield.flows.ModelFamily;

/**
 * The failure reason of a run whose loss stopped being a number: where it happened, what that
 * means in plain words, and which settings to try, leaving out those the run already uses.
 */
public final class NonFiniteLoss {

    /** The log-scale bound suggested to a normalizing flow that overflowed. */
    public static final double SUGGESTED_LOG_SCALE_BOUND = 3;
    /** The gradient-norm limit suggested to a run that overflowed. */
    public static final double SUGGESTED_MAX_GRADIENT_NORM = 1;

    private NonFiniteLoss() {}

    /**
     * @param step the 1-based step whose loss was not finite
     * @param epoch the 0-based epoch of that step
     */
    public static String reason(TrainingConfig config, double loss, long step, int epoch) {
        List<String> settings = settingsToTry(config);
        String lowerRate = String.format(Locale.ROOT, "lowering the learning rate (%s instead of %s)",
                plain(config.learningRate() / 2), plain(config.learningRate()));
        return "the loss became " + loss + " at step " + step + " (epoch " + (epoch + 1) + "). "
                + whatHappened(config) + " Try "
                + (settings.isEmpty() ? lowerRate : String.join(" and ", settings) + ", or " + lowerRate) + ".";
    }

    private static String whatHappened(TrainingConfig config) {
        if (config.family() == ModelFamily.NORMALIZING_FLOW) {
            return config.couplingFlow().boundedLogScale()
                    ? "The flow's numbers overflowed: a step moved its weights so far that the points it maps left floating point."
                    : "The flow's numbers overflowed: a coupling layer's log-scale, which nothing bounds, grew until "
                            + "exp(log-scale) left floating point.";
        }
        return "The vector field's numbers overflowed: a step moved its weights so far that its outputs left floating point.";
    }

    /**
     * The stabilising settings the run does not use yet, to be tried together: a bound alone keeps
     * a flow's numbers finite but may leave it untrained.
     */
    private static List<String> settingsToTry(TrainingConfig config) {
        List<String> remedies = new ArrayList<>();
        if (config.family() == ModelFamily.NORMALIZING_FLOW && !config.couplingFlow().boundedLogScale()) {
            remedies.add(String.format(Locale.ROOT, "bounding the log-scale (log-scale bound %s)",
                    plain(SUGGESTED_LOG_SCALE_BOUND)));
        }
        if (!config.optimizer().clips()) {
            remedies.add(String.format(Locale.ROOT, "clipping gradients (max gradient norm %s)",
                    plain(SUGGESTED_MAX_GRADIENT_NORM)));
        }
        return remedies;
    }

    private static String plain(double value) {
        return String.format(Locale.ROOT, "%.3g", value).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
                .replaceAll("\\.$", "");
    }
}
