package org.flowfield.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FigureEvaluatorsTest {

    @Test
    void anEvaluationRunsOnAFiguresThreadAtLowerPriorityAndReturnsItsResult() {
        String[] thread = new String[1];
        int nice = FigureEvaluators.evaluate(() -> {
            thread[0] = Thread.currentThread().getName();
            return ownNice();
        });

        assertThat(thread[0]).isEqualTo("figures");
        assertThat(nice).isGreaterThanOrEqualTo(10);
    }

    @Test
    void anEvaluationsFailureReachesTheCallerAsItself() {
        IllegalStateException failure = new IllegalStateException("the model's numbers overflowed");

        assertThatThrownBy(() -> FigureEvaluators.evaluate(() -> {
            throw failure;
        })).isSameAs(failure);
    }

    @Test
    void anInterruptedCallerStillWaitsForTheEvaluationWhichReadsItsModelAndKeepsTheInterrupt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<boolean[]> caller = new CompletableFuture<>();
        Thread waiting = new Thread(() -> {
            String result = FigureEvaluators.evaluate(() -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return "figures";
            });
            caller.complete(new boolean[] {result.equals("figures"), Thread.currentThread().isInterrupted()});
        });
        waiting.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        waiting.interrupt();
        Thread.sleep(200);
        assertThat(caller).as("still waiting for the evaluation").isNotDone();
        release.countDown();

        boolean[] outcome = caller.get(10, TimeUnit.SECONDS);
        assertThat(outcome[0]).as("the evaluation's result").isTrue();
        assertThat(outcome[1]).as("the interrupt is kept").isTrue();
    }

    private static int ownNice() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
