package org.flowfield.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFileTest {

    @TempDir
    Path directory;

    @Test
    void aReplacementLeavesTheNewContentAndNoTemporaryFile() throws IOException {
        Path target = directory.resolve("state.bin");
        DurableFile.replace(target, out -> out.writeInt(1));
        DurableFile.replace(target, out -> out.writeInt(2));

        assertThat(Files.readAllBytes(target)).containsExactly(0, 0, 0, 2);
        try (var files = Files.list(directory)) {
            assertThat(files.toList()).containsExactly(target);
        }
    }

    @Test
    void aFailedWriteKeepsTheOldContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = directory.resolve("state.bin");
        DurableFile.replace(target, out -> out.writeInt(1));

        assertThatThrownBy(() -> DurableFile.replace(target, out -> {
            out.writeInt(2);
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(Files.readAllBytes(target)).containsExactly(0, 0, 0, 1);
        assertThat(DurableFile.deleteTemporaryFiles(directory)).isZero();
    }

    @Test
    void temporaryFilesACrashLeftAreRemovedAndCounted() throws IOException {
        Path target = directory.resolve("state.bin");
        DurableFile.replace(target, out -> out.writeInt(1));
        Files.createFile(directory.resolve("state.bin.1" + DurableFile.TEMPORARY_SUFFIX));
        Files.createFile(directory.resolve("samples-epoch-3.bin.2" + DurableFile.TEMPORARY_SUFFIX));

        assertThat(DurableFile.deleteTemporaryFiles(directory)).isEqualTo(2);
        assertThat(target).exists();
        assertThat(DurableFile.deleteTemporaryFiles(directory.resolve("absent"))).isZero();
    }
}
