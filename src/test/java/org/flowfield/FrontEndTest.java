package org.flowfield;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrontEndTest {

    @TempDir
    Path classes;

    private void write(String resource, String content) throws IOException {
        Path file = classes.resolve(resource);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private URLClassLoader classPath() throws IOException {
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
    }

    @Test
    void aProductionBuildServesItsCompiledFrontEnd() throws IOException {
        write(FrontEnd.BUILD_INFO, "{\n  \"productionMode\" : true,\n  \"react.enable\" : false\n}");
        write(FrontEnd.PRODUCTION_INDEX, "<!doctype html>");

        try (URLClassLoader loader = classPath()) {
            assertThat(FrontEnd.missingFrom(loader)).isEmpty();
        }
    }

    @Test
    void developmentModeNeedsOnlyTheDevServer() throws IOException {
        write(FrontEnd.DEV_SERVER, "");

        try (URLClassLoader loader = classPath()) {
            assertThat(FrontEnd.missingFrom(loader)).isEmpty();
        }
    }

    @Test
    void aBuildWithoutFrontEndSaysSoInOneLine() throws IOException {
        try (URLClassLoader loader = classPath()) {
            assertThat(FrontEnd.missingFrom(loader)).hasValueSatisfying(problem ->
                    assertThat(problem).startsWith("flowfield: this build has no compiled front end").doesNotContain("\n"));
        }
    }

    @Test
    void aDevelopmentBuildInfoWithoutTheDevServerIsNotEnough() throws IOException {
        write(FrontEnd.BUILD_INFO, "{\"productionMode\" : false}");
        write(FrontEnd.PRODUCTION_INDEX, "<!doctype html>");

        try (URLClassLoader loader = classPath()) {
            assertThat(FrontEnd.missingFrom(loader)).isPresent();
        }
    }

    @Test
    void theProductionPagesWithoutTheirBuildInfoAreNotEnough() throws IOException {
        write(FrontEnd.PRODUCTION_INDEX, "<!doctype html>");

        try (URLClassLoader loader = classPath()) {
            assertThat(FrontEnd.missingFrom(loader)).isPresent();
        }
    }
}
