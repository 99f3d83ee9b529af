package org.flowfield.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules for a name that a person gives to something others see, such as a run or a class:
 * stored in Unicode's composed form (NFC) without surrounding spaces, at most a given length in
 * UTF-16 code units (as H2 counts {@code VARCHAR} lengths and a browser counts {@code maxlength};
 * PostgreSQL counts characters, which are never more), without control, direction-changing,
 * invisible or undefined characters, without towers of accents, and with something visible.
 */
public final class DisplayNames {

    /** The most accents (combining marks) one character may carry; Vietnamese needs two. */
    public static final int MAX_MARKS_PER_CHARACTER = 4;

    private DisplayNames() {}

    /** The form in which a name is checked and stored: NFC, without leading and trailing spaces of any kind. */
    public static String normalize(String name) {
        String composed = Normalizer.normalize(name, Normalizer.Form.NFC);
        int start = 0;
        int end = composed.length();
        while (start < end && Characters.space(composed.codePointAt(start))) {
            start += Character.charCount(composed.codePointAt(start));
        }
        while (end > start && Characters.space(composed.codePointBefore(end))) {
            end -= Character.charCount(composed.codePointBefore(end));
        }
        return composed.substring(start, end);
    }

    /**
     * What is wrong with {@code name} (checked in its {@linkplain #normalize normal form}), each
     * message beginning with {@code label}; empty when it may be used.
     *
     * @param maxLength the most UTF-16 code units, the width of the name's column
     */
    public static Optional<String> problem(String label, String name, int maxLength) {
        if (name == null) {
            return Optional.of(label + " is required");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isSurrogate(name.charAt(i))
                    && !(Character.isHighSurrogate(name.charAt(i)) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1)))) {
                return Optional.of(label + " contains half of a character (" + Characters.code(name.charAt(i))
                        + " without its pair); type it again");
            }
            if (Character.isHighSurrogate(name.charAt(i))) {
                i++;
            }
        }
        String normal = normalize(name);
        if (normal.isEmpty()) {
            return Optional.of(label + " must not be blank");
        }
        if (normal.length() > maxLength) {
            boolean wide = normal.codePointCount(0, normal.length()) < normal.length();
            return Optional.of(label + " must be at most " + maxLength + " characters; this one has " + normal.length()
                    + (wide ? " (an emoji and some rare characters count as 2)" : ""));
        }
        int position = 0;
        int marks = 0;
        boolean visible = false;
        for (int i = 0; i < normal.length(); i += Character.charCount(normal.codePointAt(i))) {
            int c = normal.codePointAt(i);
            position++;
            String at = Characters.described(c) + " at position " + position;
            if (Characters.control(c)) {
                return Optional.of(label + " must not contain line breaks, tabs or other control characters; it has " + at);
            }
            if (Characters.directional(c)) {
                return Optional.of(label + " must not contain characters that change the writing direction; it has " + at);
            }
            if (Characters.invisible(c)) {
                return Optional.of(label + " must not contain invisible characters; it has " + at);
            }
            if (Characters.undefined(c)) {
                return Optional.of(label + " must not contain unassigned or private-use characters; it has " + at);
            }
            marks = Characters.combining(c) ? marks + 1 : 0;
            if (marks > MAX_MARKS_PER_CHARACTER) {
                return Optional.of(label + " must not stack more than " + MAX_MARKS_PER_CHARACTER
                        + " accents on one character; it does at position " + position);
            }
            visible |= !Characters.combining(c) && !Characters.space(c);
        }
        if (!visible) {
            return Optional.of(label + " must contain at least one letter, digit or symbol");
        }
        return Optional.empty();
    }

    /**
     * The form in which two names count as the same: compatibility-composed (NFKC, so that
     * full-width letters are plain ones), without invisible characters, with every run of
     * spaces as one space, in lower case.
     */
    public static String comparable(String name) {
        String compatible = Normalizer.normalize(normalize(name), Normalizer.Form.NFKC);
        StringBuilder key = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < compatible.length(); i += Character.charCount(compatible.codePointAt(i))) {
            int c = compatible.codePointAt(i);
            if (Characters.invisible(c) || Characters.directional(c)) {
                continue;
            }
            if (Characters.space(c)) {
                space = true;
                continue;
            }
            if (space && !key.isEmpty()) {
                key.append(' ');
            }
            space = false;
            key.appendCodePoint(c);
        }
        return key.toString().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /**
     * {@code name} cut to at most {@code maxLength} UTF-16 code units, ending in "…" when cut,
     * never between the two halves of a character.
     */
    public static String shortened(String name, int maxLength) {
        if (name.length() <= maxLength) {
            return name;
        }
        int end = maxLength - 1;
        if (Character.isHighSurrogate(name.charAt(end - 1))) {
            end--;
        }
        return name.substring(0, end) + "…";
    }
}
