package org.flowfield.runs;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.flowfield.data.PointCloud;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a run's files live: {@code <data-dir>/runs/<run id>/}, named by generated ids and
 * numbers only, never by anything a user typed.
 */
@Component
class RunFiles {

    private final Path root;

    RunFiles(@Value("${flowfield.data-dir}") Path dataDirectory) {
        this.root = dataDirectory.toAbsolutePath().normalize().resolve("runs");
    }

    Path directory(UUID runId) {
        return root.resolve(runId.toString());
    }

    Path checkpoint(UUID runId) {
        return directory(runId).resolve("checkpoint.bin");
    }

    Path snapshot(UUID runId, int epoch) {
        return directory(runId).resolve("samples-epoch-" + epoch + ".bin");
    }

    /** Writes a sample snapshot: n, then n (x, y) floats, then n labels or −1 for none; atomically. */
    void writeSnapshot(Path file, float[] xy, int[] labels) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
                int n = xy.length / 2;
                out.writeInt(n);
                for (float value : xy) {
                    out.writeFloat(value);
                }
                for (int i = 0; i < n; i++) {
                    out.writeInt(labels == null ? -1 : labels[i]);
                }
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write samples " + file + ": " + e.getMessage(), e);
        }
    }

    PointCloud readSnapshot(Path file) {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            int n = in.readInt();
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
