package org.flowfield.training.export;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowfield.data.PointCloud;
import org.flowfield.training.DurableFile;

/**
 * A file of samples: n, then n (x, y) floats (standardised coordinates), then n labels (−1 for
 * unconditional samples).
 */
public final class SampleSnapshot {

    private SampleSnapshot() {}

    /** Writes durably (see {@link DurableFile}). */
    public static void write(Path file, float[] xy, int[] labels) {
        try {
            DurableFile.replace(file, out -> {
                int n = xy.length / 2;
                out.writeInt(n);
                for (float value : xy) {
                    out.writeFloat(value);
                }
                for (int i = 0; i < n; i++) {
                    out.writeInt(labels == null ? -1 : labels[i]);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not write samples " + file + ": " + e.getMessage(), e);
        }
    }

    public static PointCloud read(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int n = in.readInt();
            if (n < 0 || n > 10_000_000) {
                throw new IOException("corrupt sample count " + n);
            }
            float[] xy = new float[2 * n];
            for (int i = 0; i < xy.length; i++) {
                xy[i] = in.readFloat();
            }
            int[] labels = new int[n];
            boolean labelled = false;
            for (int i = 0; i < n; i++) {
                labels[i] = in.readInt();
                labelled |= labels[i] >= 0;
            }
            return new PointCloud(xy, labelled ? labels : null);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read samples " + file + ": " + e.getMessage(), e);
        }
    }
}
