package org.flowfield.training.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The loss of every training batch of a run, in order: one little-endian float32 per optimizer
 * step, so entry i is the loss of step i + 1. Appended as training goes; cut back to a
 * checkpoint's step when a run resumes from it, so every step appears exactly once.
 */
public final class BatchLossFile {

    private BatchLossFile() {}

    /** Appends the losses of consecutive steps. */
    public static void append(Path file, float[] losses) {
        ByteBuffer bytes = ByteBuffer.allocate(Float.BYTES * losses.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(losses);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not append batch losses to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Keeps the losses of the first {@code steps} steps only (all of them when the file is shorter). */
    public static void truncate(Path file, long steps) {
        if (!Files.exists(file)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(steps * Float.BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("could not cut " + file + " back to step " + steps + ": " + e.getMessage(), e);
        }
    }

    /** Every recorded batch loss; empty when the file does not exist. */
    public static float[] read(Path file) {
        if (!Files.exists(file)) {
            return new float[0];
        }
        try {
            byte[] raw = Files.readAllBytes(file);
            float[] losses = new float[raw.length / Float.BYTES];
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(losses);
            return losses;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read batch losses from " + file + ": " + e.getMessage(), e);
        }
    }
}
