package org.flowfield.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QuestionCacheTest {

    private final UUID run = UUID.randomUUID();
    private final AtomicInteger computations = new AtomicInteger();
    private final Executor direct = Runnable::run;

    private QuestionCache.Key key(Object parameter) {
        return new QuestionCache.Key(run, Question.NF_SAMPLES, java.util.Arrays.asList(parameter));
    }

    private CompletableFuture<String> ask(QuestionCache cache, Object parameter, Executor executor) {
        return cache.get(key(parameter), null, progress -> "answer " + computations.incrementAndGet(), executor);
    }

    @Test
    void anAnswerIsComputedOncePerKeyAndReused() {
        QuestionCache cache = new QuestionCache(4);

        String first = ask(cache, 1, direct).join();
        String again = ask(cache, 1, direct).join();
        String other = ask(cache, 2, direct).join();

        assertThat(again).isSameAs(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(computations).hasValue(2);
    }

    @Test
    void requestsWhileAComputationRunsShareItAndItsProgress() {
        QuestionCache cache = new QuestionCache(4);
        List<Runnable> queued = new ArrayList<>();
        List<Double> late = new ArrayList<>();
        CompletableFuture<String> first = cache.get(key(1), null, progress -> {
            progress.accept(0.5);
            return "answer " + computations.incrementAndGet();
        }, queued::add);
        CompletableFuture<String> second = cache.get(key(1), late::add, progress -> "never", queued::add);

        assertThat(queued).hasSize(1);
        queued.get(0).run();

        assertThat(second.join()).isSameAs(first.join());
        assertThat(computations).hasValue(1);
        assertThat(late).containsExactly(0.0, 0.5, 1.0);
    }

    @Test
    void theLeastRecentlyUsedAnswerIsDroppedBeyondTheBound() {
        QuestionCache cache = new QuestionCache(2);
        ask(cache, 1, direct);
        ask(cache, 2, direct);
        ask(cache, 1, direct);
        ask(cache, 3, direct);

        assertThat(cache.size()).isEqualTo(2);
        ask(cache, 1, direct);
        assertThat(computations).hasValue(3);
        ask(cache, 2, direct);
        assertThat(computations).hasValue(4);
    }

    @Test
    void aFailedComputationIsForgottenSoTheNextRequestTriesAgain() {
        QuestionCache cache = new QuestionCache(2);
        CompletableFuture<String> failed = cache.get(key(1), null, progress -> {
            throw new IllegalStateException("out of memory, say");
        }, direct);

        assertThat(failed).isCompletedExceptionally();
        assertThat(cache.size()).isZero();
        assertThat(ask(cache, 1, direct).join()).isEqualTo("answer 1");
    }

    @Test
    void aFullQueueFailsTheRequestAtOnce() {
        QuestionCache cache = new QuestionCache(2);
        CompletableFuture<String> rejected = ask(cache, 1, task -> {
            throw new java.util.concurrent.RejectedExecutionException("queue full");
        });

        assertThat(rejected).isCompletedExceptionally();
        assertThat(cache.size()).isZero();
    }
}
