package org.flowfield.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OlympicRingsTest {

    @Test
    void labelsAreTheColoursInSortedNameOrder() {
        assertThat(OlympicRings.LABEL_COLOURS).containsExactly("black", "blue", "green", "red", "yellow");
        assertThat(OlympicRings.labelOfRing(0)).isEqualTo(1);
        assertThat(OlympicRings.labelOfRing(1)).isEqualTo(0);
        assertThat(OlympicRings.labelOfRing(2)).isEqualTo(3);
        assertThat(OlympicRings.labelOfRing(3)).isEqualTo(4);
        assertThat(OlympicRings.labelOfRing(4)).isEqualTo(2);
        for (int ring = 0; ring < OlympicRings.NUM_RINGS; ring++) {
            assertThat(OlympicRings.colourOfLabel(OlympicRings.labelOfRing(ring)))
                .isEqualTo(OlympicRings.RING_COLOURS[ring]);
        }
    }

    @Test
    void chartColoursFollowLabels() {
        assertThat(OlympicRings.hexColourOfLabel(0)).isEqualTo("#000000");
        assertThat(OlympicRings.hexColourOfLabel(1)).isEqualTo("#0081C8");
        assertThat(OlympicRings.hexColourOfLabel(2)).isEqualTo("#00A651");
        assertThat(OlympicRings.hexColourOfLabel(3)).isEqualTo("#EE334E");
        assertThat(OlympicRings.hexColourOfLabel(4)).isEqualTo("#FCB131");
    }

    @Test
    void annulusBoundariesAreInclusive() {
        assertThat(OlympicRings.inAnyRing(0.875, 0)).isTrue();
        assertThat(OlympicRings.inAnyRing(-1.125, 0)).isTrue();
        assertThat(OlympicRings.inAnyRing(-1.126, 0)).isFalse();
        assertThat(OlympicRings.inAnyRing(0, 0)).isFalse();
        assertThat(OlympicRings.ringContaining(4, 1)).isEqualTo(2);
        assertThat(OlympicRings.ringContaining(3, -2)).isEqualTo(4);
        assertThat(OlympicRings.ringContaining(10, 10)).isEqualTo(-1);
        assertThat(OlympicRings.inAnyRing(Double.NaN, 0)).isFalse();
        assertThat(OlympicRings.inAnyRing(Double.POSITIVE_INFINITY, 0)).isFalse();
    }
}
