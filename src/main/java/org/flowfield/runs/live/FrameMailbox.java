package org.flowfield.runs.live;

import java.util.function.Consumer;

/**
 * Sends frames to a slow receiver no faster than it takes them: at most one frame is in flight,
 * and while it is, a newer frame replaces the pending one instead of queueing behind it. The
 * receiver calls {@link #acknowledge()} when it has drawn a frame; a live chart in a slow browser
 * therefore shows the newest state and never falls behind.
 *
 * @param <T> the frame
 */
public final class FrameMailbox<T> {

    private final Consumer<T> sender;
    private boolean inFlight;
    private T pending;

    /** @param sender delivers one frame (called under no lock the caller holds, possibly on the offering thread) */
    public FrameMailbox(Consumer<T> sender) {
        this.sender = sender;
    }

    /** Sends the frame now if nothing is in flight; otherwise keeps it as the one pending frame. */
    public void offer(T frame) {
        if (frame == null) {
            throw new IllegalArgumentException("a frame cannot be null");
        }
        synchronized (this) {
            if (inFlight) {
                pending = frame;
                return;
            }
            inFlight = true;
        }
        sender.accept(frame);
    }

    /** The receiver has drawn the frame in flight: send the pending one, if any. */
    public void acknowledge() {
        T next;
        synchronized (this) {
            next = pending;
            pending = null;
            inFlight = next != null;
        }
        if (next != null) {
            sender.accept(next);
        }
    }

    /** Whether a frame waits for the receiver's acknowledgement. */
    public synchronized boolean hasPending() {
        return pending != null;
    }
}
