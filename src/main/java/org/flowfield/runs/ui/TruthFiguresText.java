package org.flowfield.runs.ui;

import java.util.Locale;
import org.flowfield.metrics.QualityFigures;

/** The run page's lines of the figures against the truth (docs/figures.md), with their units and meaning. */
final class TruthFiguresText {

    private TruthFiguresText() {}

    /** Entropy, NLL − H and the share outside the support; empty before the run finished. */
    static String againstTheData(QualityFigures figures) {
        if (figures == null) {
            return "";
        }
        if (figures.dataEntropy() == null) {
            return "Against the data: no entropy, KL gap or support share for this run: its data's density is not known "
                    + "exactly, or the run finished before Flowfield computed these figures.";
        }
        return String.format(Locale.ROOT, "Against the data: entropy H %.3f nats (no model's held-out NLL can be lower) · "
                        + "NLL − H %.3f nats (the KL divergence from the data to the model; 0 is perfect) · "
                        + "%.1f %% of samples outside the data's support",
                figures.dataEntropy(), figures.klGap(), 100 * figures.outsideSupportFraction());
    }

    /** Exact W2 and, for flow matching, the normalized path energy; empty before the run finished. */
    static String transport(QualityFigures figures) {
        if (figures == null) {
            return "";
        }
        if (figures.exactW2() == null) {
            return "Exact W2 and path energy: being computed (they follow once no run trains on the server).";
        }
        String w2 = Double.isNaN(figures.exactW2()) ? "Exact W2: could not be computed"
                : String.format(Locale.ROOT, "Exact W2 %.4f standardised units (root mean squared distance of the best "
                        + "one-to-one pairing of 10,000 samples with the 10,000 held-out points)", figures.exactW2());
        if (figures.normalizedPathEnergy() == null) {
            return w2;
        }
        return w2 + String.format(Locale.ROOT, " · normalized path energy %.3f (extra kinetic energy the flow spends "
                + "over the optimal transport from its source, relative to it; 0 for straight, optimal paths)",
                figures.normalizedPathEnergy());
    }
}
