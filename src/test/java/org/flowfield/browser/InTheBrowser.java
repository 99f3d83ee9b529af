package org.flowfield.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser test against the app started on a random port: one Chromium for the test class,
 * and a fresh browser session per student.
 */
public abstract class InTheBrowser {

    protected static Chromium chromium;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void launchChromium() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void closeChromium() {
        chromium.close();
    }

    /** A new student in a browser session of their own, not yet logged in. */
    protected Student newStudent() {
        return new Student(chromium, "http://localhost:" + port);
    }
}
