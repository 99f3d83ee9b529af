package org.flowfield.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The parts of the name rules that the hostile-input suite sees only through their effect. */
class DisplayNamesTest {

    @Test
    void theNormalFormIsComposedWithoutSpacesOfAnyKindAround() {
        assertThat(DisplayNames.normalize("\u00A0\u3000 cafe\u0301\u2007\t")).isEqualTo("café");
        assertThat(DisplayNames.normalize("a\u00A0b")).isEqualTo("a\u00A0b");
        assertThat(DisplayNames.normalize("\u200Bx")).as("invisible characters are refused, not stripped").isEqualTo("\u200Bx");
    }

    @Test
    void lookAlikesCompareEqual() {
        String name = "Reference: Flow matching";
        assertThat(DisplayNames.comparable("ＲＥＦＥＲＥＮＣＥ:\u00A0\u00A0ﬂow  MATCHING ")).isEqualTo(DisplayNames.comparable(name));
        assertThat(DisplayNames.comparable("Refer\u200Bence: Flow matching")).isEqualTo(DisplayNames.comparable(name));
        assertThat(DisplayNames.comparable("Reference: Flow matching 2")).isNotEqualTo(DisplayNames.comparable(name));
    }

    @Test
    void shorteningNeverSplitsACharacter() {
        assertThat(DisplayNames.shortened("abc", 3)).isEqualTo("abc");
        assertThat(DisplayNames.shortened("abcd", 3)).isEqualTo("ab…");
        String emoji = "a" + "🌀".repeat(5); // 11 units
        assertThat(DisplayNames.shortened(emoji, 10)).isEqualTo("a" + "🌀".repeat(4) + "…");
        assertThat(DisplayNames.shortened(emoji, 9)).isEqualTo("a" + "🌀".repeat(3) + "…");
        for (int max = 2; max <= 11; max++) {
            String cut = DisplayNames.shortened(emoji, max);
            assertThat(cut.length()).isLessThanOrEqualTo(max);
            assertThat(DisplayNames.problem("Name", cut, max)).as("cut to %d", max).isEmpty();
        }
    }

    @Test
    void typedTextIsRepeatedShortAndWithHiddenCharactersAsCodes() {
        assertThat(TypedText.quoted("abc")).isEqualTo("\"abc\"");
        assertThat(TypedText.excerpt("a\u202Eb\u200Bc\n")).isEqualTo("aU+202EbU+200BcU+000A");
        assertThat(TypedText.excerpt("x".repeat(1_000))).isEqualTo("x".repeat(24) + "…");
        assertThat(TypedText.excerpt("🌀".repeat(30))).isEqualTo("🌀".repeat(24) + "…");
        assertThat(TypedText.excerpt("\uD83D")).isEqualTo("U+D83D");
        assertThat(TypedText.excerpt(null)).isEmpty();
    }
}
