package org.flowfield.training;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.flowfield.engine.BackgroundPriority;

/**
 * The threads that compute finished runs' held-out figures: one per core, at a lower priority than
 * the pack trainers (see {@link BackgroundPriority}). At a deadline a pack's members finish
 * together and their evaluations, seconds of CPU each, would otherwise take the cores from the
 * packs still training, whose runs would then finish last; bounded and lower, they fill the time
 * the trainers leave, so the device does the same work and the class finishes sooner.
 */
final class FigureEvaluators {

    private static final ExecutorService THREADS = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), task -> {
                Thread thread = new Thread(() -> {
                    BackgroundPriority.lowerCurrentThread();
                    task.run();
                }, "figures");
                thread.setDaemon(true);
                return thread;
            });

    private FigureEvaluators() {}

    /**
     * Runs the evaluation on one of the threads and waits for it, through interruptions too (the
     * caller owns the model it reads and closes it after this returns).
     */
    static <T> T evaluate(Supplier<T> evaluation) {
        Future<T> result = THREADS.submit(evaluation::get);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException failure) {
                        throw failure;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
