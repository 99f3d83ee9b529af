package org.flowfield.questions;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Heavy computations waiting for a question worker, charged per person: the workers take them
 * round robin across the people who wait (one each in turn), and first in, first out within one
 * person's, so a person's requests wait behind their own and never in front of everyone's. A
 * computation nobody waits for any more can be withdrawn before it starts.
 */
final class FairQueue {

    /** One waiting computation; {@link #withdraw} takes it out of the queue if it has not started. */
    final class Ticket {
        private final UUID person;
        private final Runnable task;

        private Ticket(UUID person, Runnable task) {
            this.person = person;
            this.task = task;
        }

        /** @return whether it was still waiting (and now never runs) */
        boolean withdraw() {
            synchronized (FairQueue.this) {
                ArrayDeque<Ticket> theirs = waiting.get(person);
                if (theirs == null || !theirs.remove(this)) {
                    return false;
                }
                if (theirs.isEmpty()) {
                    waiting.remove(person);
                }
                return true;
            }
        }
    }

    /** Each waiting person's computations, in the order of their turns: the first is next. */
    private final Map<UUID, ArrayDeque<Ticket>> waiting = new LinkedHashMap<>();

    /** Queues a computation behind the person's own; a person with nothing waiting takes the last turn. */
    synchronized Ticket submit(UUID person, Runnable task) {
        Ticket ticket = new Ticket(person, task);
        waiting.computeIfAbsent(person, p -> new ArrayDeque<>()).add(ticket);
        notifyAll();
        return ticket;
    }

    /** The next computation in turn, taken out of the queue; null when nothing waits. */
    synchronized Runnable poll() {
        Iterator<Map.Entry<UUID, ArrayDeque<Ticket>>> turns = waiting.entrySet().iterator();
        if (!turns.hasNext()) {
            return null;
        }
        Map.Entry<UUID, ArrayDeque<Ticket>> next = turns.next();
        turns.remove();
        Ticket ticket = next.getValue().poll();
        if (!next.getValue().isEmpty()) {
            waiting.put(next.getKey(), next.getValue());
        }
        return ticket.task;
    }

    /** The next computation in turn, waiting for one to be queued. */
    synchronized Runnable take() throws InterruptedException {
        Runnable next = poll();
        while (next == null) {
            wait();
            next = poll();
        }
        return next;
    }

    /** Computations waiting now, everyone's. */
    synchronized int size() {
        return waiting.values().stream().mapToInt(ArrayDeque::size).sum();
    }
}
