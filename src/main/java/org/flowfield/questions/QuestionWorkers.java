package org.flowfield.questions;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The few threads that compute heavy answers (density maps, Δt sweeps), so that they never hold a
 * page's request thread and never take more than {@code flowfield.questions.threads} cores. They
 * take their work from a {@link FairQueue}: round robin across the people waiting.
 */
@Component
class QuestionWorkers {

    private static final Logger log = LoggerFactory.getLogger(QuestionWorkers.class);

    private final FairQueue queue = new FairQueue();
    private final List<Thread> threads = new ArrayList<>();

    QuestionWorkers(@Value("${flowfield.questions.threads:1}") int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("flowfield.questions.threads must be at least 1, got " + threads);
        }
        for (int i = 1; i <= threads; i++) {
            this.threads.add(Thread.ofPlatform().name("questions-" + i).daemon().start(this::work));
        }
    }

    /** Where heavy computations wait for these workers. */
    FairQueue queue() {
        return queue;
    }

    private void work() {
        while (true) {
            Runnable next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                log.error("a question computation failed outside its answer", e);
            }
        }
    }

    @PreDestroy
    void stop() {
        threads.forEach(Thread::interrupt);
    }
}
