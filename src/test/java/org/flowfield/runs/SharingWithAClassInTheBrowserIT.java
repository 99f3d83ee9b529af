package org.flowfield.runs;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import java.util.regex.Pattern;
import org.flowfield.browser.InTheBrowser;
import org.flowfield.browser.Student;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Two students in two separate browser sessions: Ada creates a class, trains a run and shares it
 * with the class; Bob joins with the invite code, finds her run in the class gallery, forks it,
 * trains his fork and compares the two side by side. The test starts queued runs itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "flowfield.data-dir=./target/test-data/browser-sharing-${random.uuid}",
    "flowfield.queue.dispatch-interval-ms=86400000",
    "flowfield.accounts.bcrypt-strength=4",
    "vaadin.devmode.devTools.enabled=false"
})
class SharingWithAClassInTheBrowserIT extends InTheBrowser {

    @Autowired
    RunDispatcher dispatcher;

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    private void queueSmokeRun(Page page, String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Preset"))).click();
        page.getByRole(AriaRole.OPTION, named("Smoke test: seconds")).click();
        // the server fills the form from the preset: type the name only once that has arrived
        Locator field = page.getByRole(AriaRole.TEXTBOX, named("Name"));
        assertThat(field).hasValue(Pattern.compile("smoke test$"));
        field.fill(name);
        page.keyboard().press("Tab");
        page.getByRole(AriaRole.BUTTON, named("Queue the run")).click();
    }

    private void trainAndWaitOnItsPage(Page page, String name) {
        page.locator("vaadin-grid-cell-content").getByText(name, new Locator.GetByTextOptions().setExact(true)).click();
        page.waitForURL("**/runs/*");
        dispatcher.dispatch();
        assertThat(page.locator(".run-status")).hasText("finished on CPU", new LocatorAssertions.HasTextOptions().setTimeout(90_000));
    }

    @Test
    void aClassmateFindsASharedRunInTheGalleryForksItAndComparesTheTwo() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        try (Student ada = newStudent();
                Student bob = newStudent()) {
            Page her = ada.signUpAndLogIn("ada-" + suffix).page();
            her.getByRole(AriaRole.LINK, named("Classes")).click();
            her.getByRole(AriaRole.TEXTBOX, named("New class")).fill("Flow models " + suffix);
            her.getByRole(AriaRole.BUTTON, named("Create class")).click();
            Locator code = her.locator("vaadin-grid-cell-content").getByText(Pattern.compile("^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$"));
            assertThat(code).isVisible();
            String inviteCode = code.innerText();

            her.getByRole(AriaRole.LINK, named("Runs")).click();
            her.getByRole(AriaRole.BUTTON, named("New run")).click();
            queueSmokeRun(her, "ada's <rings>");
            trainAndWaitOnItsPage(her, "ada's <rings>");
            her.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Shared with"))).click();
            her.getByRole(AriaRole.OPTION, named("Class: Flow models " + suffix)).click();
            assertThat(her.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Shared with"))))
                    .containsText("Class: Flow models " + suffix);

            Page his = bob.signUpAndLogIn("bob-" + suffix).page();
            assertThat(his.locator("vaadin-grid")).not().containsText("ada's <rings>");
            his.getByRole(AriaRole.LINK, named("Classes")).click();
            his.getByRole(AriaRole.TEXTBOX, named("Invite code")).fill(inviteCode.toLowerCase());
            his.getByRole(AriaRole.BUTTON, named("Join class")).click();
            Locator joining = his.getByRole(AriaRole.DIALOG);
            assertThat(joining).containsText("The instructor will see your username");
            joining.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Join").setExact(true)).click();
            his.locator("vaadin-grid-cell-content").getByText("Flow models " + suffix).click();
            his.waitForURL("**/classes/*");
            Locator herRun = his.locator("vaadin-grid-cell-content").getByText("ada's <rings>", new Locator.GetByTextOptions().setExact(true));
            assertThat(herRun).isVisible();
            assertThat(his.locator("flowfield-chart.run-thumbnail .apexcharts-series path").first()).isAttached();
            herRun.click();
            his.waitForURL("**/runs/*");
            String herRunId = his.url().substring(his.url().lastIndexOf('/') + 1);
            assertThat(his.locator("h2").first()).hasText("ada's <rings>");

            his.getByRole(AriaRole.BUTTON, named("Fork")).click();
            his.waitForURL("**/runs/new?fork=*");
            assertThat(his.getByRole(AriaRole.TEXTBOX, named("Name"))).hasValue("Fork of ada's <rings>");
            his.getByRole(AriaRole.TEXTBOX, named("Name")).fill("bob's fork");
            his.keyboard().press("Tab");
            his.getByRole(AriaRole.BUTTON, named("Queue the run")).click();
            his.waitForURL(bob.url("/"));
            trainAndWaitOnItsPage(his, "bob's fork");
            String hisRunId = his.url().substring(his.url().lastIndexOf('/') + 1);

            his.getByRole(AriaRole.LINK, named("Runs")).click();
            Locator checkboxes = his.locator("vaadin-grid vaadin-checkbox");
            assertThat(his.locator("vaadin-grid")).containsText("ada's <rings>");
            checkboxes.nth(1).click();
            checkboxes.nth(2).click();
            his.getByRole(AriaRole.BUTTON, named("Compare 2")).click();
            his.waitForURL("**/compare?runs=*");

            assertThat(his.locator(".compare-run-name")).hasCount(2);
            assertThat(his.locator(".compare-runs")).containsText("bob's fork");
            assertThat(his.locator(".compare-runs")).containsText("ada's <rings>");
            assertThat(his.locator(".compare-figures")).containsText("Held-out NLL");
            assertThat(his.locator(".compare-figures .figure-best").first()).isVisible();
            assertThat(his.locator("flowfield-chart.compare-sample-chart")).hasCount(2);
            org.assertj.core.api.Assertions.assertThat(java.net.URLDecoder.decode(his.url(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains(herRunId).contains(hisRunId);
        }
    }
}
