package org.flowfield.hostile;

import static org.flowfield.flows.ModelFamily.CONDITIONAL_FLOW_MATCHING;
import static org.flowfield.flows.ModelFamily.FLOW_MATCHING;
import static org.flowfield.flows.ModelFamily.NORMALIZING_FLOW;

import java.util.ArrayList;
import java.util.List;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.settings.RunSettings;

/**
 * The hostile and malformed inputs, as tables of input → the words the answer must contain, free of
 * any surface: the service tests, the view tests (and later the JSON API's) run the same rows.
 * Every expected text is written out here, not computed from the production constants.
 */
public final class HostileInputs {

    private HostileInputs() {}

    /** Text typed (or forced) into one run setting of a run of {@code family}, and what its message must contain. */
    public record SettingCase(ModelFamily family, String field, String typed, String expected) {
        @Override
        public String toString() {
            return field + " ← " + shown(typed);
        }
    }

    /** A value put straight into a setting (as a decoded request would), and what its message must contain. */
    public record SettingValueCase(ModelFamily family, String field, Object value, String expected) {
        @Override
        public String toString() {
            return field + " = " + value;
        }
    }

    /**
     * A name (of a run or a class) and what its message must contain after the field's label
     * ("Name", "Class name").
     */
    public record NameCase(String what, String typed, String expected) {
        @Override
        public String toString() {
            return what;
        }
    }

    /** A username typed at sign-up and what its message must contain. */
    public record UsernameCase(String what, String typed, String expected) {
        @Override
        public String toString() {
            return what;
        }
    }

    /** The data of a forged chart-click event, as JSON, and the point it means (null: ignored). */
    public record ClickCase(String what, String json, double[] point) {
        @Override
        public String toString() {
            return what;
        }
    }

    /** One numeric setting: a family that uses it, its label and bounds as messages write them. */
    private record Numeric(ModelFamily family, String field, String label, String min, String max, String below, String above) {}

    private static final List<Numeric> WHOLE = List.of(
            new Numeric(NORMALIZING_FLOW, RunSettings.POINTS, "Training points", "500", "1,000,000", "499", "1000001"),
            new Numeric(NORMALIZING_FLOW, RunSettings.EPOCHS, "Epochs", "1", "100", "0", "101"),
            new Numeric(NORMALIZING_FLOW, RunSettings.BATCH_SIZE, "Batch size", "8", "4,096", "7", "4097"),
            new Numeric(NORMALIZING_FLOW, RunSettings.COUPLING_LAYERS, "Coupling layers", "1", "64", "0", "65"),
            new Numeric(NORMALIZING_FLOW, RunSettings.NF_HIDDEN_WIDTH, "Width of each coupling network", "1", "256", "0", "257"),
            new Numeric(NORMALIZING_FLOW, RunSettings.NF_LINEAR_LAYERS, "Linear layers per coupling network", "2", "10", "1", "11"),
            new Numeric(FLOW_MATCHING, RunSettings.FM_HIDDEN_WIDTH, "Width of the vector field", "8", "512", "7", "513"),
            new Numeric(FLOW_MATCHING, RunSettings.FM_LINEAR_LAYERS, "Linear layers of the vector field", "2", "10", "1", "11"),
            new Numeric(CONDITIONAL_FLOW_MATCHING, RunSettings.EMBEDDING_DIM, "Class embedding size", "1", "64", "0", "65"));

    private static final List<Numeric> DECIMAL = List.of(
            new Numeric(NORMALIZING_FLOW, RunSettings.LEARNING_RATE, "Learning rate", "0.000001", "0.1", "0.0000009", "0.1000001"),
            new Numeric(FLOW_MATCHING, RunSettings.SIGMA_MIN, "σ_min of the probability path", "0", "0.5", "-0.0000001", "0.5000001"),
            new Numeric(NORMALIZING_FLOW, RunSettings.LEAKY_SLOPE, "LeakyReLU slope", "0", "0.5", "-1e-300", "0.51"));

    /** Every numeric setting's bounds and every kind of malformed number, as typed text. */
    public static List<SettingCase> settings() {
        List<SettingCase> cases = new ArrayList<>();
        for (Numeric n : WHOLE) {
            String range = n.label() + " must be between " + n.min() + " and " + n.max() + ", not ";
            String notWhole = n.label() + " must be a whole number; ";
            cases.add(new SettingCase(n.family(), n.field(), n.below(), range + n.below()));
            cases.add(new SettingCase(n.family(), n.field(), n.above(), range + grouped(n.above())));
            cases.add(new SettingCase(n.family(), n.field(), "-2147483648", range + "-2,147,483,648"));
            cases.add(new SettingCase(n.family(), n.field(), "99999999999999999999", range + "99999999999999999999"));
            cases.add(new SettingCase(n.family(), n.field(), "", n.label() + " is required"));
            cases.add(new SettingCase(n.family(), n.field(), "NaN", notWhole + "\"NaN\" is not one"));
            cases.add(new SettingCase(n.family(), n.field(), "Infinity", notWhole + "\"Infinity\" is not one"));
            cases.add(new SettingCase(n.family(), n.field(), "1e308", notWhole + "\"1e308\" is not one"));
            cases.add(new SettingCase(n.family(), n.field(), "2.5", notWhole + "\"2.5\" is not one"));
            cases.add(new SettingCase(n.family(), n.field(), "ten", notWhole + "\"ten\" is not one"));
            cases.add(new SettingCase(n.family(), n.field(), "１２", notWhole + "\"１２\" is not one"));
            cases.add(new SettingCase(n.family(), n.field(), "0x10", notWhole + "\"0x10\" is not one"));
        }
        String seed = "Seed must be a whole number; ";
        cases.add(new SettingCase(NORMALIZING_FLOW, RunSettings.SEED, "abc", seed + "\"abc\" is not one"));
        cases.add(new SettingCase(NORMALIZING_FLOW, RunSettings.SEED, "-1", "Seed must be 0 or more, not -1"));
        cases.add(new SettingCase(NORMALIZING_FLOW, RunSettings.SEED, "-99999999999999999999", "Seed must be 0 or more, not -99999999999999999999"));
        cases.add(new SettingCase(NORMALIZING_FLOW, RunSettings.SEED, "9223372036854775808",
                "Seed must be at most 9,223,372,036,854,775,807, not 9223372036854775808"));
        cases.add(new SettingCase(NORMALIZING_FLOW, RunSettings.SEED, "1.5", seed + "\"1.5\" is not one"));
        cases.add(new SettingCase(NORMALIZING_FLOW, RunSettings.SEED, "NaN", seed + "\"NaN\" is not one"));
        cases.add(new SettingCase(NORMALIZING_FLOW, RunSettings.SEED, "Infinity", seed + "\"Infinity\" is not one"));
        cases.add(new SettingCase(NORMALIZING_FLOW, RunSettings.SEED, "1e308", seed + "\"1e308\" is not one"));
        cases.add(new SettingCase(NORMALIZING_FLOW, RunSettings.SEED, "", "Seed is required"));
        cases.add(new SettingCase(NORMALIZING_FLOW, RunSettings.SEED, "7\u202E", seed + "\"7U+202E\" is not one"));
        cases.add(new SettingCase(NORMALIZING_FLOW, RunSettings.SEED, "<img src=x onerror=alert(1)>",
                seed + "\"<img src=x onerror=alert…\" is not one"));
        for (Numeric n : DECIMAL) {
            String range = n.label() + " must be between " + n.min() + " and " + n.max() + ", not ";
            String finite = n.label() + " must be a finite number between " + n.min() + " and " + n.max() + "; ";
            String number = n.label() + " must be a number; ";
            cases.add(new SettingCase(n.family(), n.field(), n.below(), range + n.below()));
            cases.add(new SettingCase(n.family(), n.field(), n.above(), range + n.above()));
            cases.add(new SettingCase(n.family(), n.field(), "NaN", finite + "\"NaN\" is not one"));
            cases.add(new SettingCase(n.family(), n.field(), "Infinity", finite + "\"Infinity\" is not one"));
            cases.add(new SettingCase(n.family(), n.field(), "-Infinity", finite + "\"-Infinity\" is not one"));
            cases.add(new SettingCase(n.family(), n.field(), "∞", finite + "\"∞\" is not one"));
            cases.add(new SettingCase(n.family(), n.field(), "1e308", range + "1e308"));
            cases.add(new SettingCase(n.family(), n.field(), "-1e308", range + "-1e308"));
            cases.add(new SettingCase(n.family(), n.field(), "1e400", range + "1e400"));
            cases.add(new SettingCase(n.family(), n.field(), "", n.label() + " is required"));
            cases.add(new SettingCase(n.family(), n.field(), "abc", number + "\"abc\" is not one"));
            cases.add(new SettingCase(n.family(), n.field(), "0x1p-3", number + "\"0x1p-3\" is not one"));
            cases.add(new SettingCase(n.family(), n.field(), "0.01d", number + "\"0.01d\" is not one"));
            cases.add(new SettingCase(n.family(), n.field(), "0,01", n.label() + " must be written with a decimal point, e.g. "
                    + n.max() + "; \"0,01\" is not a number"));
        }
        cases.add(new SettingCase(NORMALIZING_FLOW, RunSettings.LEARNING_RATE, "-0", "Learning rate must be between 0.000001 and 0.1, not -0"));
        cases.add(new SettingCase(NORMALIZING_FLOW, RunSettings.LEARNING_RATE, "0", "Learning rate must be between 0.000001 and 0.1, not 0"));
        cases.add(new SettingCase(NORMALIZING_FLOW, RunSettings.LEARNING_RATE, "1e-400",
                "Learning rate must be between 0.000001 and 0.1, not 0"));
        return cases;
    }

    /** Values a decoded request can carry but no form produces: not-a-number, infinities, extremes. */
    public static List<SettingValueCase> settingValues() {
        List<SettingValueCase> cases = new ArrayList<>();
        for (Numeric n : DECIMAL) {
            cases.add(new SettingValueCase(n.family(), n.field(), Double.NaN, n.label() + " must be a finite number; NaN is not one"));
            cases.add(new SettingValueCase(n.family(), n.field(), Double.POSITIVE_INFINITY,
                    n.label() + " must be a finite number; Infinity is not one"));
            cases.add(new SettingValueCase(n.family(), n.field(), Double.NEGATIVE_INFINITY,
                    n.label() + " must be a finite number; -Infinity is not one"));
            cases.add(new SettingValueCase(n.family(), n.field(), Double.MAX_VALUE,
                    n.label() + " must be between " + n.min() + " and " + n.max() + ", not 1.7976931348623157e308"));
            cases.add(new SettingValueCase(n.family(), n.field(), -Double.MIN_VALUE,
                    n.label() + " must be between " + n.min() + " and " + n.max() + ", not -4.9e-324"));
        }
        for (Numeric n : WHOLE) {
            cases.add(new SettingValueCase(n.family(), n.field(), Integer.MAX_VALUE,
                    n.label() + " must be between " + n.min() + " and " + n.max() + ", not 2,147,483,647"));
        }
        cases.add(new SettingValueCase(NORMALIZING_FLOW, RunSettings.SEED, Long.MIN_VALUE,
                "Seed must be 0 or more, not -9,223,372,036,854,775,808"));
        return cases;
    }

    /** Names of runs and classes that must be refused. */
    public static List<NameCase> names() {
        String direction = " must not contain characters that change the writing direction; it has ";
        String invisible = " must not contain invisible characters; it has ";
        String control = " must not contain line breaks, tabs or other control characters; it has ";
        return List.of(
                new NameCase("right-to-left override", "invoice\u202Etxt.exe", direction + "U+202E (right-to-left override) at position 8"),
                new NameCase("right-to-left override alone", "\u202E", direction + "U+202E (right-to-left override) at position 1"),
                new NameCase("left-to-right embedding", "\u202Aabc", direction + "U+202A (left-to-right embedding) at position 1"),
                new NameCase("right-to-left isolate", "a\u2067b", direction + "U+2067 (right-to-left isolate) at position 2"),
                new NameCase("right-to-left mark", "a\u200Fb", direction + "U+200F (right-to-left mark) at position 2"),
                new NameCase("Arabic letter mark", "a\u061Cb", direction + "U+061C (arabic letter mark) at position 2"),
                new NameCase("zero-width space only", "\u200B", invisible + "U+200B (zero width space) at position 1"),
                new NameCase("zero-width spaces inside", "ab\u200B\u200Bc", invisible + "U+200B (zero width space) at position 3"),
                new NameCase("zero-width joiner", "a\u200Db", invisible + "U+200D (zero width joiner) at position 2"),
                new NameCase("byte-order mark", "\uFEFFrings", invisible + "U+FEFF (zero width no-break space) at position 1"),
                new NameCase("soft hyphen", "ri\u00ADngs", invisible + "U+00AD (soft hyphen) at position 3"),
                new NameCase("word joiner", "ri\u2060ngs", invisible + "U+2060 (word joiner) at position 3"),
                new NameCase("Hangul filler only", "\u3164", invisible + "U+3164 (hangul filler) at position 1"),
                new NameCase("braille blank only", "\u2800\u2800", invisible + "U+2800 (braille pattern blank) at position 1"),
                new NameCase("no-break space only", "\u00A0", " must not be blank"),
                new NameCase("no-break and ideographic spaces", "\u00A0\u3000\u2007 ", " must not be blank"),
                new NameCase("empty", "", " must not be blank"),
                new NameCase("tabs and newlines", "\t\n\r", " must not be blank"),
                new NameCase("combining marks only", "\u0301\u0301", " must contain at least one letter, digit or symbol"),
                new NameCase("a tower of accents", "Z" + "\u0301".repeat(12) + "algo", " must not stack more than 4 accents on one character; it does at position 6"),
                new NameCase("line feed", "first\nsecond", control + "U+000A (line feed (lf)) at position 6"),
                new NameCase("NUL", "nul\u0000", control + "U+0000 (null) at position 4"),
                new NameCase("escape", "\u001B[31mred", control + "U+001B (escape) at position 1"),
                new NameCase("delete", "de\u007Fl", control + "U+007F (delete) at position 3"),
                new NameCase("next line (C1)", "a\u0085b", control + "U+0085 (next line (nel)) at position 2"),
                new NameCase("line separator", "a\u2028b", control + "U+2028 (line separator) at position 2"),
                new NameCase("lone high surrogate", "a\uD83D", " contains half of a character (U+D83D without its pair)"),
                new NameCase("lone low surrogate", "\uDE00b", " contains half of a character (U+DE00 without its pair)"),
                new NameCase("reversed surrogate pair", "\uDE00\uD83D", " contains half of a character (U+DE00 without its pair)"),
                new NameCase("private-use character", "a\uE000", " must not contain unassigned or private-use characters; it has U+E000 (private use area e000) at position 2"),
                new NameCase("unassigned code point", "a\u0378", " must not contain unassigned or private-use characters; it has U+0378 at position 2"),
                new NameCase("81 letters", "n".repeat(81), " must be at most 80 characters; this one has 81"),
                new NameCase("41 emoji", "🌀".repeat(41), " must be at most 80 characters; this one has 82 (an emoji and some rare characters count as 2)"),
                new NameCase("80 emoji", "🌀".repeat(80), " must be at most 80 characters; this one has 160"),
                new NameCase("a megabyte pasted", "x".repeat(1 << 20), " must be at most 80 characters; this one has 1048576"),
                new NameCase("79 letters and an emoji", "n".repeat(79) + "🌀", " must be at most 80 characters; this one has 81"));
    }

    /** Names that look odd but are allowed, as stored (normalized). */
    public static List<NameCase> acceptedNames() {
        return List.of(
                new NameCase("40 emoji, at the bound", "🌀".repeat(40), "🌀".repeat(40)),
                new NameCase("80 letters between spaces", "  " + "n".repeat(80) + "\u00A0", "n".repeat(80)),
                new NameCase("decomposed accents, stored composed", "cafe\u0301 Vie\u0323\u0302t", "café Việt"),
                new NameCase("Hebrew, right to left by itself", "זרימה", "זרימה"),
                new NameCase("emoji with a variation selector", "rings ❤\uFE0F", "rings ❤\uFE0F"),
                new NameCase("HTML, kept as text", "<b>bold</b><script>alert(1)</script>", "<b>bold</b><script>alert(1)</script>"),
                new NameCase("an inner no-break space", "Flow\u00A0matching", "Flow\u00A0matching"));
    }

    /** Usernames that sign-up must refuse. */
    public static List<UsernameCase> usernames() {
        String only = "Username may contain only letters, digits, '.', '_' and '-'";
        String length = "Username must be 3 to 40 characters";
        return List.of(
                new UsernameCase("right-to-left override", "admin\u202Etxt", only),
                new UsernameCase("zero-width space", "ad\u200Bmin", only),
                new UsernameCase("zero-width joiner", "ad\u200Dmin", only),
                new UsernameCase("byte-order mark", "\uFEFFadmin", only),
                new UsernameCase("no-break space only", "\u00A0\u00A0\u00A0", only),
                new UsernameCase("HTML", "<b>ada</b>", only),
                new UsernameCase("script", "<script>x</script>", only),
                new UsernameCase("lone surrogate", "ada\uD83D", only),
                new UsernameCase("emoji", "ada🌀", only),
                new UsernameCase("full-width letters", "ａｄａ", only),
                new UsernameCase("Cyrillic look-alike", "аdа", only),
                new UsernameCase("combining accent", "ade\u0301", only),
                new UsernameCase("control character", "ada\u0000", only),
                new UsernameCase("41 letters", "a".repeat(41), length),
                new UsernameCase("two letters", "ab", length),
                new UsernameCase("spaces only", "   ", "Username is required"));
    }

    /** Chart-click event data the browser's chart never sends, and two it does. */
    public static List<ClickCase> clicks() {
        String huge = "[" + "1,".repeat(100_000) + "1]";
        return List.of(
                new ClickCase("a real click", "{\"event.detail.x\": 0.5, \"event.detail.y\": -1.25}", new double[] {0.5, -1.25}),
                new ClickCase("integers", "{\"event.detail.x\": 1, \"event.detail.y\": 2}", new double[] {1, 2}),
                new ClickCase("no data", "{}", null),
                new ClickCase("no y", "{\"event.detail.x\": 0.5}", null),
                new ClickCase("no x", "{\"event.detail.y\": 0.5}", null),
                new ClickCase("nulls", "{\"event.detail.x\": null, \"event.detail.y\": null}", null),
                new ClickCase("strings", "{\"event.detail.x\": \"1\", \"event.detail.y\": \"2\"}", null),
                new ClickCase("NaN as a string", "{\"event.detail.x\": \"NaN\", \"event.detail.y\": 0}", null),
                new ClickCase("Infinity as a string", "{\"event.detail.x\": 0, \"event.detail.y\": \"Infinity\"}", null),
                new ClickCase("a number beyond double", "{\"event.detail.x\": 1e400, \"event.detail.y\": 0}", null),
                new ClickCase("booleans", "{\"event.detail.x\": true, \"event.detail.y\": false}", null),
                new ClickCase("objects", "{\"event.detail.x\": {\"v\": 1}, \"event.detail.y\": {}}", null),
                new ClickCase("a huge array", "{\"event.detail.x\": " + huge + ", \"event.detail.y\": " + huge + "}", null),
                new ClickCase("an array of data", "[1, 2]", null));
    }

    private static String grouped(String digits) {
        return String.format(java.util.Locale.ROOT, "%,d", Long.parseLong(digits));
    }

    private static String shown(String text) {
        return text.length() > 30 ? text.substring(0, 30) + "… (" + text.length() + ")" : text;
    }
}
