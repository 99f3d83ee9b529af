package org.flowfield.questions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers computed once per key and kept, least recently used first out, up to a number of
 * entries. Concurrent requests for one key share one computation and its progress; a failed
 * computation is dropped so that the next request tries again.
 */
final class QuestionCache {

    private static final Logger log = LoggerFactory.getLogger(QuestionCache.class);

    /** A run, a question and its normalised parameters (lists of boxed values compare by content). */
    record Key(java.util.UUID runId, Question question, List<?> parameters) {}

    private final Map<Key, Answer<?>> entries;

    QuestionCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the question cache needs room for at least one answer, got " + capacity);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Answer<?>> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The answer for the key: the kept one, the one being computed, or a new computation started
     * on the executor.
     *
     * @param progress told the fraction done (0..1) now and as it changes; may be null
     * @return a future of its own per caller (cancelling it cancels nothing shared)
     */
    @SuppressWarnings("unchecked")
    <R> CompletableFuture<R> get(Key key, DoubleConsumer progress, Function<DoubleConsumer, R> computation, Executor executor) {
        Answer<R> entry;
        boolean created;
        synchronized (entries) {
            entry = (Answer<R>) entries.get(key);
            created = entry == null;
            if (created) {
                entry = new Answer<>();
                entries.put(key, entry);
            }
        }
        entry.subscribe(progress);
        if (created) {
            Answer<R> started = entry;
            started.future.whenComplete((result, failure) -> {
                if (failure != null) {
                    forget(key, started);
                }
            });
            try {
                executor.execute(() -> started.run(computation));
            } catch (RejectedExecutionException e) {
                started.future.completeExceptionally(e);
            }
        }
        return entry.future.copy();
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private void forget(Key key, Answer<?> entry) {
        synchronized (entries) {
            entries.remove(key, entry);
        }
    }

    /** One answer and the progress of its computation, shared by everyone who asked for it. */
    private static final class Answer<R> implements DoubleConsumer {
        final CompletableFuture<R> future = new CompletableFuture<>();
        private final List<DoubleConsumer> listeners = new ArrayList<>();
        private double done;

        void run(Function<DoubleConsumer, R> computation) {
            try {
                R result = computation.apply(this);
                accept(1);
                future.complete(result);
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }

        synchronized void subscribe(DoubleConsumer listener) {
            if (listener != null) {
                listeners.add(listener);
                tell(listener, done);
            }
        }

        @Override
        public synchronized void accept(double fraction) {
            done = fraction;
            listeners.removeIf(listener -> !tell(listener, fraction));
        }

        /** A listener that throws (say, a closed page) is dropped; the computation goes on for the others. */
        private static boolean tell(DoubleConsumer listener, double fraction) {
            try {
                listener.accept(fraction);
                return true;
            } catch (RuntimeException e) {
                log.warn("a progress listener failed and was dropped: {}", e.toString());
                return false;
            }
        }
    }
}
