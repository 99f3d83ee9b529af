package org.flowfield.runs;

/** What a class's gallery is sorted by. */
public enum GalleryOrder {
    HELD_OUT_NLL("heldout_nll"),
    IN_RING_FRACTION("in_ring_fraction"),
    SLICED_W2("sliced_w2"),
    CREATED("created_at");

    private final String column;

    GalleryOrder(String column) {
        this.column = column;
    }

    /** The run table's column (a constant, never user text). */
    String column() {
        return column;
    }
}
