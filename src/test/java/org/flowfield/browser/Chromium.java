package org.flowfield.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, headless, as STACK.md describes: Playwright never
 * downloads a browser of its own.
 */
public final class Chromium implements AutoCloseable {

    /** Where Debian's package installs Chromium; {@code FLOWFIELD_CHROMIUM} overrides it. */
    static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("FLOWFIELD_CHROMIUM", "/usr/bin/chromium"));

    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException("browser tests need Chromium at " + EXECUTABLE
                    + " (Debian: apt-get install -y chromium; or set FLOWFIELD_CHROMIUM)");
        }
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(
                new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(FLAGS));
        return new Chromium(playwright, browser);
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
