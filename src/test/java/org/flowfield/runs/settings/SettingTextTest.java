package org.flowfield.runs.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Typed text into settings: values where the text is one, the text itself where it is not. */
class SettingTextTest {

    private static RunSettings entered(String field, String text) {
        RunSettings settings = new RunSettings();
        SettingText.enter(settings, field, text);
        return settings;
    }

    @Test
    void wholeNumbersMayGroupThousandsWithCommas() {
        assertThat(entered(RunSettings.POINTS, " 250,000 ").getPoints()).isEqualTo(250_000);
        assertThat(entered(RunSettings.POINTS, "+7").getPoints()).isEqualTo(7);
        assertThat(entered(RunSettings.POINTS, "2147483647").getPoints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(entered(RunSettings.POINTS, "25,00").unreadable()).containsEntry(RunSettings.POINTS, "25,00");
        assertThat(entered(RunSettings.POINTS, "2147483648").unreadable()).containsEntry(RunSettings.POINTS, "2147483648");
        assertThat(entered(RunSettings.POINTS, "2147483648").getPoints()).isNull();
        assertThat(entered(RunSettings.SEED, "9223372036854775807").getSeed()).isEqualTo(Long.MAX_VALUE);
        assertThat(entered(RunSettings.SEED, "-0").getSeed()).isZero();
    }

    @Test
    void decimalsArePlainOrScientificAndFinite() {
        assertThat(entered(RunSettings.LEARNING_RATE, "1e-3").getLearningRate()).isEqualTo(1e-3);
        assertThat(entered(RunSettings.LEARNING_RATE, ".5").getLearningRate()).isEqualTo(0.5);
        assertThat(entered(RunSettings.LEAKY_SLOPE, "-0").getLeakySlope()).isEqualTo(-0.0);
        for (String unreadable : new String[] {"Infinity", "NaN", "1e400", "0x1p3", "1d", "1,5", "∞", "e5"}) {
            RunSettings settings = entered(RunSettings.LEARNING_RATE, unreadable);
            assertThat(settings.getLearningRate()).as(unreadable).isNull();
            assertThat(settings.unreadable()).as(unreadable).containsEntry(RunSettings.LEARNING_RATE, unreadable);
        }
    }

    @Test
    void emptyTextIsMissingAndAReadableEntryForgetsAnEarlierUnreadableOne() {
        RunSettings settings = entered(RunSettings.EPOCHS, "   ");
        assertThat(settings.getEpochs()).isNull();
        assertThat(settings.unreadable()).isEmpty();

        SettingText.enter(settings, RunSettings.EPOCHS, "many");
        assertThat(settings.unreadable()).containsEntry(RunSettings.EPOCHS, "many");
        SettingText.enter(settings, RunSettings.EPOCHS, "20");
        assertThat(settings.getEpochs()).isEqualTo(20);
        assertThat(settings.unreadable()).isEmpty();
    }

    @Test
    void onlyNumericSettingsAreRead() {
        assertThatThrownBy(() -> SettingText.enter(new RunSettings(), RunSettings.NAME, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RunSettings().setUnreadable("colour", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesAreTypedBackAsTheFormShowsThem() {
        assertThat(SettingText.typed(1e-6)).isEqualTo("0.000001");
        assertThat(SettingText.typed(250_000)).isEqualTo("250000");
        assertThat(SettingText.typed(null)).isEmpty();
    }
}
