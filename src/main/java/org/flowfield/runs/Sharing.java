package org.flowfield.runs;

/** Who besides its owner may see a run. */
public enum Sharing {
    /** Its owner only. */
    PRIVATE,
    /** The members of one class. */
    CLASS,
    /** Whoever opens its current share link while logged in. */
    LINK
}
