package org.flowfield.runs.settings;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads what was typed into a numeric setting. Text that is a value of the setting's kind
 * becomes its value; any other text is kept as the setting's {@linkplain RunSettings#unreadable()
 * unreadable entry}, so that {@link RunSettingsValidator} names it in its message and no default
 * ever takes its place. Whole numbers may group their thousands with commas ("250,000"); decimals
 * are written with a point and an optional exponent ("0.001", "1e-3"). Empty text is a missing value.
 */
public final class SettingText {

    private static final Pattern WHOLE = Pattern.compile("[+-]?(\\d{1,3}(,\\d{3})+|\\d+)");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d*,\\d+");
    private static final Set<String> NOT_FINITE = Set.of("infinity", "inf", "∞", "nan");

    private SettingText() {}

    /**
     * Puts {@code text}, as typed into {@code field}, into {@code settings}: its value when the
     * text is one, else empty with the text as the field's unreadable entry.
     *
     * @throws IllegalArgumentException when {@code field} is not a numeric setting
     */
    public static void enter(RunSettings settings, String field, String text) {
        RunSetting<?> setting = RunSettingsSchema.isSetting(field) ? RunSettingsSchema.of(field) : null;
        if (setting == null || !numeric(setting)) {
            throw new IllegalArgumentException("'" + field + "' is not a numeric run setting");
        }
        String typed = text == null ? "" : text.strip();
        Object value = setting.read(typed);
        setting.set(settings, value);
        settings.setUnreadable(field, value == null && !typed.isEmpty() ? typed : null);
    }

    /** Whether a setting holds a number, and so is typed as text that may be unreadable. */
    public static boolean numeric(RunSetting<?> setting) {
        return switch (setting.kind()) {
            case WHOLE, LONG, DECIMAL -> true;
            default -> false;
        };
    }

    /** The number of a kind that {@code typed} (stripped, not empty) is, or null. */
    static Number number(RunSetting.Kind kind, String typed) {
        BigInteger whole = WHOLE.matcher(typed).matches() ? new BigInteger(typed.replace(",", "")) : null;
        return switch (kind) {
            case WHOLE -> whole != null && whole.bitLength() < Integer.SIZE ? Integer.valueOf(whole.intValue()) : null;
            case LONG -> whole != null && whole.bitLength() < Long.SIZE ? Long.valueOf(whole.longValue()) : null;
            case DECIMAL -> decimal(typed);
            default -> throw new IllegalArgumentException(kind + " is not a number");
        };
    }

    /** How {@code value} is typed back into its field: whole numbers without grouping, decimals as short as Java writes them. */
    public static String typed(Number value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double decimal) {
            return RunSettingsValidator.decimal(decimal);
        }
        return value.toString();
    }

    /** Whether {@code text} is written as a whole number, of any size. */
    static boolean isWholeNumber(String text) {
        return WHOLE.matcher(text.strip()).matches();
    }

    /** Whether {@code text} is written as a decimal number, of any size. */
    static boolean isDecimal(String text) {
        return DECIMAL.matcher(text.strip()).matches();
    }

    /** Whether {@code text} names infinity or not-a-number. */
    static boolean namesNonFinite(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT);
        if (word.startsWith("+") || word.startsWith("-")) {
            word = word.substring(1);
        }
        return NOT_FINITE.contains(word);
    }

    /** Whether {@code text} is a decimal written with a comma instead of a point ("0,001"). */
    static boolean hasDecimalComma(String text) {
        return DECIMAL_COMMA.matcher(text.strip()).matches() && !isWholeNumber(text);
    }

    private static Double decimal(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            return null;
        }
        double value = Double.parseDouble(text);
        return Double.isFinite(value) ? value : null;
    }
}
