package org.flowfield.text;

import java.util.Locale;
import java.util.Set;

/** The kinds of character that the name rules and messages treat specially. */
public final class Characters {

    /**
     * Characters that show nothing yet are letters or symbols, so that no category catches them:
     * the Hangul fillers, the braille blank, the combining grapheme joiner and the Mongolian
     * variation selectors.
     */
    private static final Set<Integer> BLANK_LOOKING = Set.of(
            0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x034F, 0x180B, 0x180C, 0x180D, 0x180E, 0x180F);

    private Characters() {}

    /** Line breaks, tabs and other C0/C1 controls, and the line and paragraph separators. */
    public static boolean control(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** The marks and overrides that change the direction in which the text around them is shown. */
    public static boolean directional(int codePoint) {
        return codePoint == 0x200E || codePoint == 0x200F || codePoint == 0x061C
                || (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    /**
     * Characters that take no visible space: the zero-width space and joiners, the byte-order
     * mark, the soft hyphen and every other format character, and the blank-looking letters.
     */
    public static boolean invisible(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT || BLANK_LOOKING.contains(codePoint);
    }

    /** White space of any kind, the no-break spaces included. */
    public static boolean space(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    /** A code point that no font can show consistently: unassigned, private use, or half a surrogate pair. */
    public static boolean undefined(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.UNASSIGNED || type == Character.PRIVATE_USE || type == Character.SURROGATE;
    }

    /** An accent or other mark that combines with the character before it. */
    public static boolean combining(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** Whether a message should write the character as its code rather than repeat it. */
    public static boolean hidden(int codePoint) {
        return control(codePoint) || directional(codePoint) || invisible(codePoint) || undefined(codePoint);
    }

    /** The character's code and, where Java knows it, its name: "U+202E (right-to-left override)". */
    public static String described(int codePoint) {
        String name = Character.getName(codePoint);
        return name == null ? code(codePoint) : code(codePoint) + " (" + name.toLowerCase(Locale.ROOT) + ")";
    }

    /** "U+202E". */
    public static String code(int codePoint) {
        return String.format(Locale.ROOT, "U+%04X", codePoint);
    }
}
