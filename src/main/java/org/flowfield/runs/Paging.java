package org.flowfield.runs;

/** The one bound on how many runs a list, gallery or queue page holds. */
public final class Paging {

    /** Runs per page: a larger request gets this many. */
    public static final int PAGE_SIZE = 50;

    private Paging() {}

    /**
     * The number of runs to fetch for a request of {@code limit} from {@code offset}: at most
     * {@link #PAGE_SIZE}.
     *
     * @throws IllegalArgumentException for a negative offset or a limit below 1
     */
    static int limit(int offset, int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("A page starts at run 0 or later, not at " + offset + ".");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("A page holds at least 1 run, not " + limit + ".");
        }
        return Math.min(limit, PAGE_SIZE);
    }
}
