package org.flowfield;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed development bundle ({@code src/main/bundles/dev.bundle}) was built from the
 * front-end sources as they are: Vaadin's development mode compares each source's SHA-256 with the
 * one the bundle records and, on any difference or a missing source, rebuilds the bundle at every
 * start until a new one is committed (the drawing component once went without).
 */
class DevelopmentBundleTest {

    private static final Path FRONTEND = Path.of("frontend");

    @Test
    void theCommittedDevelopmentBundleHoldsEveryOwnFrontEndSourceAsItIsNow() throws IOException {
        JsonNode stats;
        try (FileSystem bundle = FileSystems.newFileSystem(URI.create("jar:" + Path.of("src/main/bundles/dev.bundle").toUri()), Map.of())) {
            stats = JsonMapper.builder().build().readTree(Files.readString(bundle.getPath("/config/stats.json")));
        }
        List<Path> sources;
        try (Stream<Path> files = Files.list(FRONTEND)) {
            sources = files.filter(file -> file.toString().endsWith(".ts") || file.getFileName().toString().equals("index.html"))
                    .sorted().toList();
        }
        assertThat(sources).as("front-end sources").anyMatch(file -> file.toString().endsWith(".ts"));
        List<String> imports = new ArrayList<>();
        stats.get("bundleImports").forEach(entry -> imports.add(entry.asString()));
        for (Path source : sources) {
            String name = source.getFileName().toString();
            assertThat(stats.get("frontendHashes").has(name)).as(name + " in the development bundle").isTrue();
            assertThat(stats.get("frontendHashes").get(name).asString()).as(name + "'s content in the development bundle")
                    .isEqualTo(sha256(source));
            if (name.endsWith(".ts")) {
                assertThat(imports).as("the development bundle's imports").contains("Frontend/" + name);
            }
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
