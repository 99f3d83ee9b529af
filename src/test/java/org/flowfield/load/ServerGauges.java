package org.flowfield.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server process's heap and threads, read from outside with the JDK's {@code jcmd} (the server
 * exposes no metrics): the heap in use after a full collection ({@code GC.run}, then
 * {@code GC.heap_info}), so that garbage not yet collected does not pass for growth, and the live
 * Java threads ({@code Thread.print}).
 */
final class ServerGauges {

    /** Heap in use after a full collection, and live Java threads. */
    record Reading(long heapUsedBytes, int threads) {

        double heapUsedMegabytes() {
            return heapUsedBytes / (1024.0 * 1024.0);
        }
    }

    private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");
    private static final Pattern THREAD = Pattern.compile("(?m)^\"[^\"]*\" #\\d+");

    private ServerGauges() {}

    static Reading read(long pid) {
        jcmd(pid, "GC.run");
        Matcher used = USED.matcher(jcmd(pid, "GC.heap_info"));
        long heap = 0;
        while (used.find()) {
            heap += Long.parseLong(used.group(1)) * 1024;
        }
        if (heap == 0) {
            throw new IllegalStateException("jcmd GC.heap_info reported no heap in use");
        }
        return new Reading(heap, (int) THREAD.matcher(jcmd(pid, "Thread.print")).results().count());
    }

    private static String jcmd(long pid, String command) {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        try {
            Process process = new ProcessBuilder(java.resolveSibling("jcmd").toString(), Long.toString(pid), command)
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + command + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
