package org.flowfield.published;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeedSpreadTest {

    @Test
    void meanAndSampleStandardDeviationOfFiveSeeds() {
        Band band = SeedSpread.of(List.of(0.10, 0.12, 0.14, 0.16, 0.18));

        assertThat(band.mean()).isCloseTo(0.14, within(1e-12));
        // Σ (x − 0.14)² = 0.004, over n − 1 = 4
        assertThat(band.std()).isCloseTo(Math.sqrt(0.001), within(1e-12));
    }

    @Test
    void oneSeedHasNoSpread() {
        assertThat(SeedSpread.of(List.of(0.3))).isEqualTo(new Band(0.3, 0));
    }

    @Test
    void noSeedsIsAnError() {
        assertThatThrownBy(() -> SeedSpread.of(List.of())).hasMessageContaining("at least one");
    }

    @Test
    void aBandContainsWhatLiesWithinOneStandardDeviation() {
        Band published = new Band(0.130, 0.016);

        assertThat(published.contains(0.146)).isTrue();
        assertThat(published.contains(0.147)).isFalse();
        assertThat(published.deviations(0.162)).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void theTableHasNoFlowMatchingEntryFromEightGaussians() {
        assertThat(TongTable2.band(PublishedFigure.W2, PublishedMethod.FM, PublishedTask.EIGHT_GAUSSIANS_TO_MOONS)).isEmpty();
        assertThat(TongTable2.band(PublishedFigure.W2, PublishedMethod.OT_CFM, PublishedTask.NORMAL_TO_MOONS))
                .contains(new Band(0.130, 0.016));
        assertThat(TongTable2.band(PublishedFigure.NORMALIZED_PATH_ENERGY, PublishedMethod.I_CFM,
                PublishedTask.EIGHT_GAUSSIANS_TO_MOONS)).contains(new Band(2.680, 0.292));
    }
}
