package org.flowfield.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The question cache with a worker the test drives: it takes the fair queue's next computation
 * only when the test says so, so orders and states are checked without threads or timing.
 */
class QuestionCacheTest {

    private final UUID run = UUID.randomUUID();
    private final UUID ann = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final UUID cat = UUID.randomUUID();
    private final AtomicInteger computations = new AtomicInteger();
    private final FairQueue queue = new FairQueue();
    private final SettableClock clock = new SettableClock();
    private final QuestionLimits limits = new QuestionLimits(3, 60);

    private QuestionCache cache(int capacity) {
        return new QuestionCache(capacity, queue, new ComputationAllowance(limits, clock));
    }

    private QuestionCache.Key light(Object parameter) {
        return new QuestionCache.Key(run, Question.NF_SAMPLES, Arrays.asList(parameter));
    }

    private QuestionCache.Key heavy(Object parameter) {
        return new QuestionCache.Key(run, Question.FM_TIME_QUANTIZATION, Arrays.asList(parameter));
    }

    private CompletableFuture<String> ask(QuestionCache cache, QuestionCache.Key key, UUID person) {
        return cache.get(key, person, null, progress -> "answer " + computations.incrementAndGet());
    }

    /** The deterministic worker: runs the fair queue's next computation; false when none waits. */
    private boolean workOne() {
        Runnable next = queue.poll();
        if (next == null) {
            return false;
        }
        next.run();
        return true;
    }

    private void workAll() {
        while (workOne()) {
            // every waiting computation, in the queue's order
        }
    }

    @Test
    void anAnswerIsComputedOncePerKeyAndReused() {
        QuestionCache cache = cache(4);

        String first = ask(cache, light(1), ann).join();
        String again = ask(cache, light(1), bob).join();
        String other = ask(cache, light(2), ann).join();

        assertThat(again).isSameAs(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(computations).hasValue(2);
    }

    @Test
    void requestsWhileAComputationWaitsShareItAndItsProgress() {
        QuestionCache cache = cache(4);
        List<Double> late = new ArrayList<>();
        CompletableFuture<String> first = cache.get(heavy(1), ann, null, progress -> {
            progress.accept(0.5);
            return "answer " + computations.incrementAndGet();
        });
        CompletableFuture<String> second = cache.get(heavy(1), bob, late::add, progress -> "never");

        assertThat(queue.size()).isEqualTo(1);
        workAll();

        assertThat(second.join()).isSameAs(first.join());
        assertThat(computations).hasValue(1);
        assertThat(late).containsExactly(0.0, 0.5, 1.0);
        assertThat(cache.waiters()).isZero();
    }

    @Test
    void theLeastRecentlyUsedAnswerIsDroppedBeyondTheBound() {
        QuestionCache cache = cache(2);
        ask(cache, light(1), ann);
        ask(cache, light(2), ann);
        ask(cache, light(1), ann);
        ask(cache, light(3), ann);

        assertThat(cache.size()).isEqualTo(2);
        ask(cache, light(1), ann);
        assertThat(computations).hasValue(3);
        ask(cache, light(2), ann);
        assertThat(computations).hasValue(4);
    }

    @Test
    void aFailedComputationIsForgottenSoTheNextRequestTriesAgain() {
        QuestionCache cache = cache(2);
        CompletableFuture<String> failed = cache.get(light(1), ann, null, progress -> {
            throw new IllegalStateException("out of memory, say");
        });

        assertThat(failed).isCompletedExceptionally();
        assertThat(cache.size()).isZero();
        assertThat(ask(cache, light(1), ann).join()).isEqualTo("answer 1");
    }

    @Test
    void heavyAnswersAreTakenRoundRobinAcrossPeopleAndInOrderWithinOne() {
        QuestionCache cache = cache(16);
        List<String> order = new ArrayList<>();
        Function<String, Function<DoubleConsumer, String>> named = name -> progress -> {
            order.add(name);
            return name;
        };
        cache.get(heavy("a1"), ann, null, named.apply("a1"));
        cache.get(heavy("a2"), ann, null, named.apply("a2"));
        cache.get(heavy("a3"), ann, null, named.apply("a3"));
        cache.get(heavy("b1"), bob, null, named.apply("b1"));
        cache.get(heavy("c1"), cat, null, named.apply("c1"));
        cache.get(heavy("c2"), cat, null, named.apply("c2"));

        workOne();
        cache.get(heavy("b2"), bob, null, named.apply("b2"));
        workAll();

        assertThat(order).containsExactly("a1", "b1", "c1", "a2", "b2", "c2", "a3");
    }

    @Test
    void aPersonMayStartOnlySoManyHeavyComputationsPerWindowAndIsToldHowManyAndWhenToRetry() {
        QuestionCache cache = cache(16);
        ask(cache, heavy(1), ann);
        clock.advance(Duration.ofSeconds(15));
        ask(cache, heavy(2), ann);
        ask(cache, heavy(3), ann);
        clock.advance(Duration.ofSeconds(10));

        assertThatThrownBy(() -> ask(cache, heavy(4), ann))
                .isInstanceOf(QuestionLimitException.class)
                .hasMessageContaining("asked for 3 new heavy answers")
                .hasMessageContaining("in the last 60 seconds")
                .hasMessageContaining("Try again in 35 seconds")
                .satisfies(e -> assertThat(((QuestionLimitException) e).retryAfter()).isEqualTo(Duration.ofSeconds(35)));
        assertThat(queue.size()).isEqualTo(3);

        // answers already asked for, and other people's computations, cost nothing
        ask(cache, heavy(1), ann);
        ask(cache, heavy(4), bob);
        ask(cache, heavy(4), ann);
        workAll();
        assertThat(ask(cache, heavy(2), ann).join()).isNotBlank();
        assertThatThrownBy(() -> ask(cache, heavy(5), ann)).isInstanceOf(QuestionLimitException.class);

        clock.advance(Duration.ofSeconds(35));
        ask(cache, heavy(5), ann);
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void theLimitsChangeAtRuntime() {
        QuestionCache cache = cache(16);
        ask(cache, heavy(1), ann);
        limits.setComputationsPerPerson(1);

        assertThatThrownBy(() -> ask(cache, heavy(2), ann)).hasMessageContaining("asked for 1 new heavy answers");

        limits.setComputationsPerPerson(5);
        limits.setWindow(Duration.ofSeconds(10));
        ask(cache, heavy(2), ann);
        assertThat(queue.size()).isEqualTo(2);
        assertThatThrownBy(() -> limits.setComputationsPerPerson(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limits.setWindow(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aQueuedComputationNobodyWaitsForIsWithdrawnAndNeverRuns() {
        QuestionCache cache = cache(16);
        List<Double> told = new ArrayList<>();
        CompletableFuture<String> annWaits = cache.get(heavy(1), ann, told::add, progress -> "never " + computations.incrementAndGet());
        CompletableFuture<String> bobWaits = ask(cache, heavy(1), bob);

        annWaits.cancel(false);
        assertThat(queue.size()).isEqualTo(1);
        assertThat(cache.waiters()).isEqualTo(1);
        bobWaits.cancel(false);

        assertThat(queue.size()).isZero();
        assertThat(cache.size()).isZero();
        assertThat(cache.waiters()).isZero();
        assertThat(workOne()).isFalse();
        assertThat(computations).hasValue(0);
        assertThat(told).containsExactly(0.0);
    }

    @Test
    void aRunningComputationNobodyWaitsForStopsAtItsNextProgressReportAndIsNotKept() {
        QuestionCache cache = cache(16);
        List<String> reached = new ArrayList<>();
        List<CompletableFuture<String>> waiting = new ArrayList<>();
        waiting.add(cache.get(heavy(1), ann, null, progress -> {
            reached.add("started");
            waiting.getFirst().cancel(false);
            progress.accept(0.5);
            reached.add("after the report");
            return "answer";
        }));

        workAll();

        assertThat(reached).containsExactly("started");
        assertThat(cache.size()).isZero();
        assertThat(cache.waiters()).isZero();
        assertThat(ask(cache, heavy(1), ann)).isNotDone();
        workAll();
        assertThat(computations).hasValue(1);
    }

    @Test
    void manyPeoplesManyRequestsAllWaitTheirTurnAndNobodyIsRefusedWithAnExecutorsText() {
        QuestionCache cache = cache(1000);
        List<CompletableFuture<String>> all = new ArrayList<>();
        for (int person = 0; person < 40; person++) {
            UUID someone = UUID.randomUUID();
            for (int k = 0; k < limits.computationsPerPerson(); k++) {
                all.add(ask(cache, heavy(person * 100 + k), someone));
            }
        }
        assertThat(queue.size()).isEqualTo(120);

        workAll();

        assertThat(all).allSatisfy(future -> assertThat(future).isCompletedWithValueMatching(answer -> answer.startsWith("answer")));
        assertThat(computations).hasValue(120);
    }

    @Test
    void aPersonOverTheLimitIsToldSoInWordsWithoutTheServersInternals() {
        QuestionCache cache = cache(16);
        for (int k = 0; k < limits.computationsPerPerson(); k++) {
            ask(cache, heavy(k), ann);
        }

        assertThatThrownBy(() -> ask(cache, heavy(99), ann))
                .isInstanceOf(QuestionLimitException.class)
                .message().doesNotContain("java.", "Executor", "rejected", "Lambda", "$").startsWith("You have asked for 3");
    }

    /** A clock the test moves by hand. */
    private static final class SettableClock extends Clock {
        private Instant now = Instant.parse("2025-01-06T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
