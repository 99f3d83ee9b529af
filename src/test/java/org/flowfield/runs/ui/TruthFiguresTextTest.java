package org.flowfield.runs.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.flowfield.metrics.QualityFigures;
import org.junit.jupiter.api.Test;

class TruthFiguresTextTest {

    private static QualityFigures figures(double nll, Double entropy, Double outside, Double exactW2, Double pathEnergy) {
        return new QualityFigures(nll, 0.9, 0.05, "RK4, 200 steps, exact divergence", "Euler, dt = 0.001", entropy, outside,
                exactW2, pathEnergy);
    }

    @Test
    void theFiguresAgainstTheDataCarryTheirUnitsAndMeaning() {
        String text = TruthFiguresText.againstTheData(figures(2.75, 2.5, 0.031, null, null));

        assertThat(text).contains("entropy H 2.500 nats").contains("NLL − H 0.250 nats")
                .contains("the KL divergence from the data to the model").contains("3.1 % of samples outside");
        assertThat(TruthFiguresText.againstTheData(figures(2.75, null, null, null, null))).contains("not known exactly");
        assertThat(TruthFiguresText.againstTheData(null)).isEmpty();
    }

    @Test
    void theTransportFiguresAreAwaitedThenShownAndAPathEnergyOnlyForFlowMatching() {
        assertThat(TruthFiguresText.transport(figures(2.75, null, null, null, null))).contains("being computed");
        assertThat(TruthFiguresText.transport(figures(2.75, null, null, 0.0812, 0.4567)))
                .contains("Exact W2 0.0812 standardised units").contains("normalized path energy 0.457");
        assertThat(TruthFiguresText.transport(figures(2.75, null, null, 0.0812, null))).doesNotContain("path energy");
        assertThat(TruthFiguresText.transport(figures(2.75, null, null, Double.NaN, null))).contains("could not be computed");
    }

    @Test
    void aHeldOutNllBelowTheEntropyIsAnError() {
        assertThat(figures(2.4, 2.5, 0.0, null, null).nllBelowEntropy()).isTrue();
        assertThat(figures(2.6, 2.5, 0.0, null, null).nllBelowEntropy()).isFalse();
        assertThat(figures(2.4, null, null, null, null).nllBelowEntropy()).isFalse();
    }
}
