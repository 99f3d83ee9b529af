package org.flowfield.questions.ui;

import java.util.Arrays;
import java.util.regex.Pattern;
import org.flowfield.text.TypedText;

/** Lists of numbers typed into a field, e.g. "1, 2, 3"; a bad entry is named in the error. */
final class Parsing {

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private Parsing() {}

    static long[] longs(String what, String text) {
        return Arrays.stream(parts(what, text)).mapToLong(part -> {
            try {
                if (WHOLE.matcher(part).matches()) {
                    return Long.parseLong(part);
                }
            } catch (NumberFormatException tooLarge) {
                throw new IllegalArgumentException("a " + what + " must lie within ±" + Long.MAX_VALUE + ", got “"
                        + TypedText.excerpt(part) + "”");
            }
            throw new IllegalArgumentException("a " + what + " must be a whole number, got “" + TypedText.excerpt(part) + "”");
        }).toArray();
    }

    static double[] doubles(String what, String text) {
        return Arrays.stream(parts(what, text)).mapToDouble(part -> {
            double value = DECIMAL.matcher(part).matches() ? Double.parseDouble(part) : Double.NaN;
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a " + what + " must be a finite number, got “" + TypedText.excerpt(part) + "”");
            }
            return value;
        }).toArray();
    }

    private static String[] parts(String what, String text) {
        String[] parts = Arrays.stream((text == null ? "" : text).split("[,;\\s]+")).filter(part -> !part.isEmpty())
                .toArray(String[]::new);
        if (parts.length == 0) {
            throw new IllegalArgumentException("give at least one " + what);
        }
        return parts;
    }
}
