package org.flowfield.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.flowfield.metrics.QualityFigures;
import org.junit.jupiter.api.Test;

class TruthRowsTest {

    private static QualityFigures figures(double nll, Double entropy, Double outside, Double exactW2, Double pathEnergy) {
        return new QualityFigures(nll, 0.9, 0.05, "exact change of variables", "one pass of the forward map", entropy, outside,
                exactW2, pathEnergy);
    }

    @Test
    void theGapIsNllMinusEntropyAndTheSmallestFiguresAreMarkedBest() {
        List<QualityFigures> runs = Arrays.asList(figures(2.5, 2.0, 0.10, 0.08, null), figures(2.2, 2.0, 0.02, 0.11, 0.3), null);

        List<FigureRow> rows = TruthRows.of(runs);

        FigureRow gap = row(rows, Figure.KL_GAP);
        assertThat(gap.values().get(0)).isCloseTo(0.5, within(1e-12));
        assertThat(gap.values().get(1)).isCloseTo(0.2, within(1e-12));
        assertThat(gap.values().get(2)).isNaN();
        assertThat(gap.best()).containsExactly(1);
        assertThat(row(rows, Figure.DATA_ENTROPY).best()).isEmpty();
        assertThat(row(rows, Figure.OUTSIDE_SUPPORT).best()).containsExactly(1);
        assertThat(row(rows, Figure.EXACT_W2).best()).containsExactly(0);
        assertThat(row(rows, Figure.PATH_ENERGY).values().subList(0, 2)).containsExactly(Double.NaN, 0.3);
        assertThat(rows).allSatisfy(row -> assertThat(row.note()).isNotBlank());
    }

    @Test
    void aHeldOutNllBelowTheEntropyIsFlaggedAsAnErrorAndNothingIsMarkedBest() {
        List<QualityFigures> runs = List.of(figures(2.5, 2.0, 0.1, 0.08, null), figures(1.9, 2.0, 0.0, 0.07, null));

        FigureRow gap = row(TruthRows.of(runs), Figure.KL_GAP);

        assertThat(gap.best()).isEmpty();
        assertThat(gap.note()).contains("Error: the held-out NLL is below H for run 2");
    }

    @Test
    void runsWhoseDataDensityIsUnknownHaveNoTruthFigures() {
        FigureRow gap = row(TruthRows.of(List.of(figures(2.5, null, null, null, null))), Figure.KL_GAP);

        assertThat(gap.values().getFirst()).isNaN();
    }

    private static FigureRow row(List<FigureRow> rows, Figure figure) {
        return rows.stream().filter(row -> row.figure() == figure).findFirst().orElseThrow();
    }
}
