package org.flowfield.training;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file so that a crash at any moment, power loss included, leaves either the old
 * content or the new one: the new content goes to a temporary file beside the target
 * ({@value #TEMPORARY_SUFFIX}), is forced to disk, moved over the target atomically, and the
 * directory is forced too so that the move itself is durable. A crash between creating and
 * moving leaves a temporary file behind; {@link #deleteTemporaryFiles} removes those.
 */
public final class DurableFile {

    public static final String TEMPORARY_SUFFIX = ".tmp";

    /** Writes the new content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(DataOutputStream out) throws IOException;
    }

    private DurableFile() {}

    public static void replace(Path target, Content content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, target.getFileName().toString() + ".", TEMPORARY_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                    OutputStream stream = Channels.newOutputStream(channel);
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16))) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system cannot replace " + target + " atomically", e);
            }
            forceDirectory(directory);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** Forces a directory's entries (a file created, moved or removed in it) to disk. */
    public static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Removes the temporary files a crash left in a directory; returns how many there were. */
    public static int deleteTemporaryFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, "*" + TEMPORARY_SUFFIX)) {
            for (Path leftover : leftovers) {
                if (Files.deleteIfExists(leftover)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }
}
