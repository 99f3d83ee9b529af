package org.flowfield.admin;

/**
 * A limit an administrator may change while the server runs, shown in the administration's
 * "Limits" section. Any feature contributes its limits by declaring beans of this type; the
 * administration lists every such bean, checks a new value against {@link #min()} and {@link
 * #max()} and only then calls {@link #set}.
 */
public interface AdjustableLimit {

    /** A stable key, unique among the limits, e.g. the setting it starts from ("flowfield.queue.slots"). */
    String name();

    /** What the administrator reads, e.g. "Training runs at once". */
    String label();

    /** The smallest value allowed. */
    long min();

    /** The largest value allowed. */
    long max();

    /** The value in force now. */
    long get();

    /** Puts a value in force at once; called only with a value within {@link #min()} and {@link #max()}. */
    void set(long value);
}
