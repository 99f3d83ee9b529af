package org.flowfield.text;

/**
 * What a person typed, made safe to repeat in a message: at most {@value #EXCERPT_LENGTH}
 * characters, and every character that could hide, reorder or break the message (control,
 * format, direction, unpaired surrogate, line separator) written as its code, e.g. {@code U+202E}.
 */
public final class TypedText {

    /** The most characters (code points) of typed text a message repeats. */
    public static final int EXCERPT_LENGTH = 24;

    private TypedText() {}

    /** {@code text} in straight double quotes, shortened with "…" and with hidden characters as codes. */
    public static String quoted(String text) {
        return "\"" + excerpt(text) + "\"";
    }

    /** {@code text} shortened with "…" and with hidden characters written as codes. */
    public static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder();
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (count == EXCERPT_LENGTH) {
                return shown.append('…').toString();
            }
            shown.append(Characters.hidden(codePoint) ? Characters.code(codePoint) : Character.toString(codePoint));
            count++;
            i += Character.charCount(codePoint);
        }
        return shown.toString();
    }
}
