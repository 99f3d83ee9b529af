package org.flowfield.flows.fm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowfield.engine.TorchRuntime;

/**
 * Splits an integration's points into chunks of rows that are integrated independently, each over
 * the whole time grid. On the CPU a chunk's activations stay in the core's cache through all its
 * steps (the whole batch's do not, and every elementwise operation would stream from memory), and
 * the chunks run on as many worker threads as the caller's intra-op threads, each worker with one
 * intra-op thread: no OpenMP barrier per operation, which on a loaded machine stalled a two-thread
 * integration for minutes. A GPU takes all points as one chunk.
 *
 * <p>Chunk boundaries depend only on the number of points, so results do not depend on which
 * worker ran which chunk.
 */
final class RowChunks {

    /** Rows per chunk on the CPU: [1024, 64] activations are a quarter of a megabyte. */
    static final int CPU_ROWS = 1024;

    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "flow-integration");
        thread.setDaemon(true);
        return thread;
    });

    @FunctionalInterface
    interface Task {
        /** Integrates rows [from, to). */
        void run(int from, int to);
    }

    private RowChunks() {}

    /** Runs the task on every chunk of n rows and returns when all are done. */
    static void forEach(int n, Task task) {
        TorchRuntime runtime = TorchRuntime.get();
        int rows = runtime.device().isGpu() ? Math.max(n, 1) : CPU_ROWS;
        int chunks = (n + rows - 1) / rows;
        int workers = Math.min(chunks, runtime.intraOpThreads());
        if (workers <= 1) {
            for (int c = 0; c < chunks; c++) {
                task.run(c * rows, Math.min(n, (c + 1) * rows));
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            running.add(WORKERS.submit(() -> {
                runtime.useIntraOpThreads(1);
                for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                    task.run(c * rows, Math.min(n, (c + 1) * rows));
                }
            }));
        }
        awaitAll(running);
    }

    private static void awaitAll(List<Future<?>> running) {
        RuntimeException failure = null;
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (failure == null) {
                    failure = cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
                }
            } catch (InterruptedException e) {
                running.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while integrating", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
