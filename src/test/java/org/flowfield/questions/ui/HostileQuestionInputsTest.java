package org.flowfield.questions.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Malformed lists typed into the questions' fields, and points removed that are not there: each
 * gets a message naming the bad entry (shortened, hidden characters as codes), never a number
 * Java's own parser would have made of it.
 */
class HostileQuestionInputsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Infinity           | a step size must be a finite number, got “Infinity”
            NaN                | a step size must be a finite number, got “NaN”
            1e400              | a step size must be a finite number, got “1e400”
            0x1p-3             | a step size must be a finite number, got “0x1p-3”
            0.1d               | a step size must be a finite number, got “0.1d”
            0.1, abc           | a step size must be a finite number, got “abc”
            ``                 | give at least one step size
            `  ,; `            | give at least one step size
            <script>alert(1)</script> | a step size must be a finite number, got “<script>alert(1)</script…”
            """)
    void stepSizes(String typed, String message) {
        assertThatThrownBy(() -> Parsing.doubles("step size", typed)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            1.5                     | a seed must be a whole number, got “1.5”
            1e3                     | a seed must be a whole number, got “1e3”
            99999999999999999999    | a seed must lie within ±9223372036854775807, got “99999999999999999999”
            7\u202E                 | a seed must be a whole number, got “7U+202E”
            """)
    void seeds(String typed, String message) {
        assertThatThrownBy(() -> Parsing.longs("seed", typed.translateEscapes())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void wellFormedListsAreRead() {
        assertThat(Parsing.doubles("step size", " 0.5; 1e-2 ,.25")).containsExactly(0.5, 0.01, 0.25);
        assertThat(Parsing.longs("seed", "+1 -2 3")).containsExactly(1L, -2L, 3L);
    }

    @Test
    void removingAPointThatIsNotThereSaysSoAndChangesNothing() {
        float[][] changed = new float[1][];
        PointPicker picker = new PointPicker(null, points -> changed[0] = points, Runnable::run);
        picker.shown(new float[] {0.5f, 0.5f, 1f, 1f});

        assertThatThrownBy(() -> picker.remove(2)).hasMessage("there is no point 3 to remove; there are 2");
        assertThatThrownBy(() -> picker.remove(-1)).hasMessage("there is no point 0 to remove; there are 2");
        assertThatThrownBy(() -> picker.remove(Integer.MAX_VALUE)).hasMessage("there is no point 2147483648 to remove; there are 2");
        assertThat(changed[0]).isNull();
    }
}
