package org.flowfield.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {

    private static final Path OWN_STAT = Path.of("/proc/thread-self/stat");

    @Test
    void aThreadThatLowersItsPriorityRunsAtNiceTenAndTheOthersKeepTheirs() throws Exception {
        int before = nice();
        int[] lowered = CompletableFuture.supplyAsync(() -> {
            boolean taken = BackgroundPriority.lowerCurrentThread();
            return new int[] {taken ? 1 : 0, nice()};
        }, runnable -> new Thread(runnable).start()).get();

        assertThat(lowered[0]).as("the kernel took the new priority").isEqualTo(1);
        assertThat(lowered[1]).isEqualTo(Math.max(before, BackgroundPriority.NICE));
        assertThat(nice()).as("the calling thread is unchanged").isEqualTo(before);
    }

    /** Field 19 of the thread's stat line (after the parenthesised name, which may hold spaces). */
    private static int nice() {
        try {
            String stat = Files.readString(OWN_STAT);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[19 - 3]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
