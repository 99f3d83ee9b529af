package org.flowfield.training;

import java.util.concurrent.atomic.AtomicBoolean;

/** A request to stop a run between two steps; safe to call from any thread. */
public final class Cancellation {

    private final AtomicBoolean requested = new AtomicBoolean();

    public void request() {
        requested.set(true);
    }

    public boolean requested() {
        return requested.get();
    }

    /** A token that is never cancelled. */
    public static Cancellation never() {
        return new Cancellation();
    }
}
