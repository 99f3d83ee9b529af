package org.flowfield;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a class path can serve the web app's browser side: either the production front end
 * that {@code ./mvnw package} compiles into the jar, or Vaadin's development server
 * ({@code -Pdev}). Without either, Vaadin would fail deep inside the servlet container's start.
 */
final class FrontEnd {

    static final String BUILD_INFO = "META-INF/VAADIN/config/flow-build-info.json";
    static final String PRODUCTION_INDEX = "META-INF/VAADIN/webapp/index.html";
    static final String DEV_SERVER = "com/vaadin/base/devserver/DevModeHandlerManagerImpl.class";

    private static final Pattern PRODUCTION_MODE = Pattern.compile("\"productionMode\"\\s*:\\s*true");

    private FrontEnd() {}

    /** Why the app cannot serve its pages from this class path, or empty when it can. */
    static Optional<String> missingFrom(ClassLoader classPath) {
        if (classPath.getResource(DEV_SERVER) != null
                || (isProductionBuild(classPath) && classPath.getResource(PRODUCTION_INDEX) != null)) {
            return Optional.empty();
        }
        return Optional.of("flowfield: this build has no compiled front end, so it cannot serve the web app;"
                + " build the jar with ./mvnw package (without -Pdev), or run ./mvnw -Pdev spring-boot:run");
    }

    private static boolean isProductionBuild(ClassLoader classPath) {
        try (InputStream info = classPath.getResourceAsStream(BUILD_INFO)) {
            return info != null && PRODUCTION_MODE.matcher(new String(info.readAllBytes(), StandardCharsets.UTF_8)).find();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUILD_INFO, e);
        }
    }
}
