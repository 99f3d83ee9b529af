package org.flowfield.classrooms;

import java.security.SecureRandom;

/**
 * Unguessable invite codes: 16 characters from an alphabet without look-alikes (no 0/O, 1/I/L),
 * about 80 bits, grouped in fours for reading aloud ("K7QD-M2XP-…").
 */
final class InviteCodes {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private InviteCodes() {}

    static String next() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** The code as typed, in the stored form: upper case, dashes and spaces ignored, then regrouped. */
    static String normalise(String typed) {
        String bare = typed == null ? "" : typed.toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s-]", "");
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < bare.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(bare.charAt(i));
        }
        return code.toString();
    }
}
