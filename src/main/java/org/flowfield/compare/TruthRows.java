package org.flowfield.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.flowfield.metrics.QualityFigures;

/** The compared runs' figures against the truth (docs/figures.md), each with a sentence of what it means. */
final class TruthRows {

    static final String ENTROPY_NOTE = "the data's own −E log p(x) in the standardised coordinates; "
            + "no model's held-out NLL can be lower. Empty where the data's density is not known exactly.";
    static final String GAP_NOTE = "held-out NLL minus the data's entropy: the KL divergence from the data to the "
            + "model, 0 for a perfect model. A negative value is an error (the likelihood or the data's density is wrong).";
    static final String OUTSIDE_NOTE = "share of the 10,000 samples where the data's density is zero, 0 to 1.";
    static final String EXACT_W2_NOTE = "root mean squared distance of the best one-to-one pairing of 10,000 samples "
            + "with the 10,000 held-out points (an exact assignment); empty until computed after the run finished.";
    static final String PATH_ENERGY_NOTE = "how much more kinetic energy a flow-matching model spends carrying 10,000 "
            + "source draws to the data than the optimal transport needs, relative to it; 0 for straight, optimally "
            + "paired paths (Tong et al. 2024). Empty for normalizing flows.";

    private TruthRows() {}

    static List<FigureRow> of(List<QualityFigures> figures) {
        List<FigureRow> rows = new ArrayList<>();
        rows.add(FigureRow.unmarked(Figure.DATA_ENTROPY, values(figures, QualityFigures::dataEntropy), ENTROPY_NOTE));
        List<Double> gaps = values(figures, QualityFigures::klGap);
        rows.add(gaps.stream().anyMatch(gap -> gap < 0)
                ? FigureRow.unmarked(Figure.KL_GAP, gaps, GAP_NOTE + " " + errorSentence(figures))
                : FigureRow.marked(Figure.KL_GAP, gaps, GAP_NOTE));
        rows.add(FigureRow.marked(Figure.OUTSIDE_SUPPORT, values(figures, QualityFigures::outsideSupportFraction), OUTSIDE_NOTE));
        rows.add(FigureRow.marked(Figure.EXACT_W2, values(figures, QualityFigures::exactW2), EXACT_W2_NOTE));
        rows.add(FigureRow.marked(Figure.PATH_ENERGY, values(figures, QualityFigures::normalizedPathEnergy), PATH_ENERGY_NOTE));
        return rows;
    }

    /** Names the runs whose held-out NLL is below the data's entropy, by their place in the comparison. */
    private static String errorSentence(List<QualityFigures> figures) {
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            if (figures.get(i) != null && figures.get(i).nllBelowEntropy()) {
                runs.add("run " + (i + 1));
            }
        }
        return "Error: the held-out NLL is below H for " + String.join(", ", runs) + "; no best is marked.";
    }

    private static List<Double> values(List<QualityFigures> figures, Function<QualityFigures, Double> figure) {
        return figures.stream().map(f -> f == null || figure.apply(f) == null ? Double.NaN : figure.apply(f)).toList();
    }
}
