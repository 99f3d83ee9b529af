package org.flowfield.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StandardizationTest {

    @Test
    void usesThePopulationStandardDeviation() {
        Standardization stats = Standardization.of(new float[] {0, 10, 2, 10, 4, 16});

        assertThat(stats.meanX()).isEqualTo(2);
        assertThat(stats.meanY()).isEqualTo(12);
        assertThat(stats.stdX()).isCloseTo(Math.sqrt(8.0 / 3), within(1e-12));
        assertThat(stats.stdY()).isCloseTo(Math.sqrt(24.0 / 3), within(1e-12));
    }

    @Test
    void roundTripsPoints() {
        Standardization stats = new Standardization(1, -2, 2, 4);

        assertThat(stats.standardize(new float[] {3, 2})).containsExactly(1, 1);
        assertThat(stats.toOriginal(new float[] {1, 1})).containsExactly(3, 2);
        assertThat(stats.standardize(5, -2)).containsExactly(2, 0);
        assertThat(stats.toOriginal(2, 0)).containsExactly(5, -2);
    }

    @Test
    void rejectsConstantAxis() {
        assertThatThrownBy(() -> Standardization.of(new float[] {1, 0, 1, 5}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stdX");
    }
}
