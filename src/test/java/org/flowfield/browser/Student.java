package org.flowfield.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** A student in their own browser context (own cookies, own session), as a user clicks through the app. */
public final class Student implements AutoCloseable {

    public static final String PASSWORD = "a long password";

    private final BrowserContext context;
    private final Page page;
    private final String baseUrl;

    public Student(Chromium chromium, String baseUrl) {
        this.context = chromium.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1400, 1000));
        this.context.setDefaultTimeout(30_000);
        this.page = context.newPage();
        this.baseUrl = baseUrl;

    }

    public Page page() {
        return page;
    }

    public String url(String path) {
        return baseUrl + path;
    }

    /** Signs up through the sign-up page, then logs in through the log-in page. */
    public Student signUpAndLogIn(String username) {
        page.navigate(url("/signup"));
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Username")).fill(username);
        page.locator("vaadin-password-field input").nth(0).fill(PASSWORD);
        page.locator("vaadin-password-field input").nth(1).fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        page.waitForURL("**/login");
        return logIn(username);
    }

    /** Logs in through the log-in page. */
    public Student logIn(String username) {
        if (!page.url().endsWith("/login")) {
            page.navigate(url("/login"));
        }
        page.locator("input[name='username']").fill(username);
        page.locator("input[name='password']").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForSelector("vaadin-grid");
        return this;
    }

    @Override
    public void close() {
        // the page as the test left it, to look at when a browser test fails in CI
        try {
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(java.nio.file.Path.of("target", "browser-screenshots", "last-" + System.identityHashCode(this) + ".png")));
        } catch (RuntimeException e) {
            System.err.println("no screenshot of the last page: " + e.getMessage());
        }
        context.close();
    }
}
