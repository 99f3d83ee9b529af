package org.flowfield.questions.ui;

import java.util.Arrays;

/** Lists of numbers typed into a field, e.g. "1, 2, 3"; a bad entry is named in the error. */
final class Parsing {

    private Parsing() {}

    static long[] longs(String what, String text) {
        return Arrays.stream(parts(what, text)).mapToLong(part -> {
            try {
                return Long.parseLong(part);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a " + what + " must be a whole number, got “" + part + "”");
            }
        }).toArray();
    }

    static double[] doubles(String what, String text) {
        return Arrays.stream(parts(what, text)).mapToDouble(part -> {
            try {
                return Double.parseDouble(part);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a " + what + " must be a number, got “" + part + "”");
            }
        }).toArray();
    }

    private static String[] parts(String what, String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("give at least one " + what);
        }
        return Arrays.stream(trimmed.split("[,;\\s]+")).filter(part -> !part.isEmpty()).toArray(String[]::new);
    }
}
