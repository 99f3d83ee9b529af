package org.flowfield.queue;

import java.util.Objects;

/** The per-user limit on waiting runs: decides whether a user may queue one more run. */
public final class QueueAdmission {

    private final int maxQueuedPerUser;

    public QueueAdmission(QueueLimits limits) {
        this.maxQueuedPerUser = Objects.requireNonNull(limits, "limits").maxQueuedPerUser();
    }

    /** How many runs a user may have waiting. */
    public int maxQueuedPerUser() {
        return maxQueuedPerUser;
    }

    /**
     * Whether a user who has {@code queuedByOwner} runs waiting may queue one more: yes while that
     * is below the limit, so a user can reach exactly the limit.
     */
    public boolean hasRoom(long queuedByOwner) {
        if (queuedByOwner < 0) {
            throw new IllegalArgumentException("queuedByOwner must not be negative, got " + queuedByOwner);
        }
        return queuedByOwner < maxQueuedPerUser;
    }

    /**
     * Refuses one more run for {@code owner} unless there is room.
     *
     * @param owner the user queueing a run
     * @param queuedByOwner how many runs that user has waiting now, not counting the new one (and
     *     not counting runs that already started)
     * @throws QueueFullException when the user already has the limit (or more) waiting
     */
    public void requireRoom(String owner, long queuedByOwner) {
        Objects.requireNonNull(owner, "owner");
        if (!hasRoom(queuedByOwner)) {
            throw new QueueFullException(owner, queuedByOwner, maxQueuedPerUser);
        }
    }
}
