package org.flowfield.questions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers computed once per key and kept, least recently used first out, up to a number of
 * entries; kept answers are shared by everyone who may see the run. Concurrent requests for one
 * key share one computation and its progress; a failed computation is dropped so that the next
 * request tries again.
 *
 * <p>Light answers are computed on the caller's thread. A heavy one is charged to the person whose
 * request starts it ({@link ComputationAllowance}) and waits in the {@link FairQueue} for a
 * worker. Every caller gets a future of their own: cancelling it means "I no longer wait", which
 * drops their progress listener at once; when the last waiter has gone, a queued computation is
 * withdrawn and a running one stops at its next progress report, and neither is kept. Nothing a
 * caller passed in (a listener, a page) is held once its future is done.
 */
final class QuestionCache {

    private static final Logger log = LoggerFactory.getLogger(QuestionCache.class);

    /** A run, a question and its normalised parameters (lists of boxed values compare by content). */
    record Key(UUID runId, Question question, List<?> parameters) {}

    private final Map<Key, Answer<?>> entries;
    private final FairQueue queue;
    private final ComputationAllowance allowance;

    QuestionCache(int capacity, FairQueue queue, ComputationAllowance allowance) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the question cache needs room for at least one answer, got " + capacity);
        }
        this.queue = queue;
        this.allowance = allowance;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Answer<?>> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The answer for the key: the kept one, the one being computed, or a new computation (charged
     * to the person when heavy).
     *
     * @param person who asks; a heavy computation they start counts against their allowance and
     *     waits behind their own
     * @param progress told the fraction done (0..1) now and as it changes, until the future is
     *     done or cancelled; may be null
     * @return a future of the caller's own: cancelling it stops their waiting and nobody else's
     * @throws QuestionLimitException when a new heavy computation would exceed the person's allowance
     */
    @SuppressWarnings("unchecked")
    <R> CompletableFuture<R> get(Key key, UUID person, DoubleConsumer progress, Function<DoubleConsumer, R> computation) {
        Answer<R> entry;
        Waiter<R> waiter;
        boolean created;
        synchronized (entries) {
            entry = (Answer<R>) entries.get(key);
            created = entry == null;
            if (created) {
                if (key.question().heavy()) {
                    allowance.charge(person);
                }
                entry = new Answer<>(key);
                entries.put(key, entry);
            }
            waiter = entry.join(progress);
        }
        if (waiter == null) {
            return CompletableFuture.completedFuture(entry.result());
        }
        Waiter<R> mine = waiter;
        Answer<R> shared = entry;
        mine.future.whenComplete((result, failure) -> {
            if (mine.future.isCancelled()) {
                leave(shared, mine);
            }
        });
        if (created) {
            if (key.question().heavy()) {
                shared.queued(queue.submit(person, () -> shared.run(computation)));
            } else {
                shared.run(computation);
            }
        }
        return mine.future;
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** Callers waiting now with their futures and listeners, everyone's (none once every future is done or cancelled). */
    int waiters() {
        synchronized (entries) {
            return entries.values().stream().mapToInt(Answer::waiters).sum();
        }
    }

    private void leave(Answer<?> entry, Waiter<?> waiter) {
        synchronized (entries) {
            if (entry.leave(waiter)) {
                entries.remove(entry.key, entry);
            }
        }
    }

    private void forget(Answer<?> entry) {
        synchronized (entries) {
            entries.remove(entry.key, entry);
        }
    }

    /** One caller's wait for an answer: their future and progress listener (dropped if it fails). */
    private static final class Waiter<R> {
        final CompletableFuture<R> future = new CompletableFuture<>();
        volatile DoubleConsumer listener;

        Waiter(DoubleConsumer listener) {
            this.listener = listener;
        }
    }

    /** Thrown from a progress report to stop a computation nobody waits for. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super("nobody waits for this answer any more", null, false, false);
        }
    }

    /** One answer and the progress of its computation, shared by everyone who waits for it. */
    private final class Answer<R> implements DoubleConsumer {
        final Key key;
        private final List<Waiter<R>> waiters = new ArrayList<>();
        private double done;
        private boolean complete;
        private boolean abandoned;
        private R result;
        private FairQueue.Ticket ticket;

        Answer(Key key) {
            this.key = key;
        }

        /** A new waiter, told the progress so far; null when the answer is already there. */
        synchronized Waiter<R> join(DoubleConsumer listener) {
            if (complete) {
                return null;
            }
            Waiter<R> waiter = new Waiter<>(listener);
            waiters.add(waiter);
            if (listener != null) {
                tell(waiter, done);
            }
            return waiter;
        }

        synchronized R result() {
            return result;
        }

        synchronized void queued(FairQueue.Ticket queuedAs) {
            this.ticket = queuedAs;
            if (abandoned) {
                ticket.withdraw();
            }
        }

        /** @return whether it was the last waiter, so that the computation is abandoned */
        synchronized boolean leave(Waiter<?> waiter) {
            if (!waiters.remove(waiter) || complete || !waiters.isEmpty()) {
                return false;
            }
            abandoned = true;
            if (ticket != null) {
                ticket.withdraw();
            }
            return true;
        }

        synchronized int waiters() {
            return waiters.size();
        }

        void run(Function<DoubleConsumer, R> computation) {
            synchronized (this) {
                if (abandoned) {
                    return;
                }
            }
            R value;
            try {
                value = computation.apply(this);
            } catch (Abandoned e) {
                return;
            } catch (Throwable e) {
                fail(e);
                return;
            }
            succeed(value);
        }

        @Override
        public synchronized void accept(double fraction) {
            if (abandoned) {
                throw new Abandoned();
            }
            done = fraction;
            waiters.forEach(waiter -> tell(waiter, fraction));
        }

        private void succeed(R value) {
            List<Waiter<R>> told;
            synchronized (this) {
                if (abandoned) {
                    return;
                }
                result = value;
                done = 1;
                complete = true;
                told = List.copyOf(waiters);
                waiters.clear();
            }
            told.forEach(waiter -> tell(waiter, 1));
            told.forEach(waiter -> waiter.future.complete(value));
        }

        private void fail(Throwable failure) {
            List<Waiter<R>> told;
            synchronized (this) {
                abandoned = true;
                told = List.copyOf(waiters);
                waiters.clear();
            }
            forget(this);
            told.forEach(waiter -> waiter.future.completeExceptionally(failure));
        }

        /** A listener that throws (say, a closed page) is dropped; the computation goes on for the others. */
        private static void tell(Waiter<?> waiter, double fraction) {
            DoubleConsumer listener = waiter.listener;
            if (listener == null) {
                return;
            }
            try {
                listener.accept(fraction);
            } catch (RuntimeException e) {
                log.warn("a progress listener failed and was dropped: {}", e.toString());
                waiter.listener = null;
            }
        }
    }
}
