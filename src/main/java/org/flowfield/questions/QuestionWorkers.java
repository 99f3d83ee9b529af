package org.flowfield.questions;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The few threads that compute heavy answers (density maps, Δt sweeps), so that they never hold a
 * page's request thread and never take more than {@code flowfield.questions.threads} cores. At most
 * {@link #QUEUE_CAPACITY} answers wait; beyond that a request fails at once instead of waiting
 * without bound.
 */
@Component
class QuestionWorkers {

    static final int QUEUE_CAPACITY = 32;

    private final ThreadPoolExecutor pool;

    QuestionWorkers(@Value("${flowfield.questions.threads:1}") int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("flowfield.questions.threads must be at least 1, got " + threads);
        }
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY),
                task -> {
                    Thread thread = new Thread(task, "questions-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Queues a task; throws {@link java.util.concurrent.RejectedExecutionException} when the queue is full. */
    void execute(Runnable task) {
        pool.execute(task);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
