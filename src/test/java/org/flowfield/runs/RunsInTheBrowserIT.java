package org.flowfield.runs;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.flowfield.accounts.Account;
import org.flowfield.accounts.AccountRules;
import org.flowfield.accounts.AccountService;
import org.flowfield.browser.Chromium;
import org.flowfield.browser.InTheBrowser;
import org.flowfield.browser.Student;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.settings.RunPresets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A student in a real Chromium signs up, queues a smoke run, watches it train on its page (the
 * progress bar and the sample chart update by server push, without reloading) and finds the
 * finished run in the list. The queue is dispatched by the test, once the page shows the run
 * waiting, so that the page is seen before, during and after training.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "flowfield.data-dir=./target/test-data/browser-${random.uuid}",
    "flowfield.queue.dispatch-interval-ms=86400000",
    "flowfield.accounts.bcrypt-strength=4",
    "vaadin.devmode.devTools.enabled=false"
})
class RunsInTheBrowserIT extends InTheBrowser {

    @Autowired
    RunDispatcher dispatcher;

    @Autowired
    AccountService accounts;

    @Autowired
    RunService runs;

    @Autowired
    RunSharingService sharing;

    private static String readDownload(Download download) {
        try {
            return Files.readString(download.path()).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aStudentQueuesASmokeRunWatchesItTrainAndFindsItFinishedInTheList() {
        try (Student student = newStudent()) {
            Page page = student.signUpAndLogIn("student-" + UUID.randomUUID().toString().substring(0, 8)).page();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New run")).click();
            page.waitForURL("**/runs/new");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Model"))).click();
            page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Flow matching").setExact(true)).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Preset"))).click();
            page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Smoke test: seconds")).click();
            // the server fills the form from the preset: type the name only once that has arrived
            Locator name = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Name"));
            assertThat(name).hasValue("Flow matching, smoke test");
            name.fill("my first smoke run");
            page.keyboard().press("Tab");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Queue the run")).click();

            page.waitForURL(student.url("/"));
            page.locator("vaadin-grid-cell-content").getByText("my first smoke run", new Locator.GetByTextOptions().setExact(true)).click();
            page.waitForURL("**/runs/*");
            Locator progressText = page.locator(".run-progress-text");
            Locator progressBar = page.locator("vaadin-progress-bar");
            Locator samples = page.locator("flowfield-chart.sample-chart .apexcharts-series path");
            assertThat(progressText).hasText("Queued · 0 of 48 steps");
            assertThat(progressBar).hasAttribute("aria-valuenow", "0");
            assertThat(samples).hasCount(0);

            dispatcher.dispatch();

            assertThat(page.locator(".run-status")).hasText("finished on CPU", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
            assertThat(progressText).containsText("48 of 48 steps");
            assertThat(progressBar).hasAttribute("aria-valuenow", "1");
            assertThat(samples).hasCount(1000);
            assertThat(page.locator(".run-figures")).containsText("Held-out NLL");
            assertThat(page.locator(".sample-chart .flowfield-chart-frame-label")).hasText("epoch 3 of 3");
            page.locator(".sample-chart .flowfield-chart-slider").fill("0");
            assertThat(page.locator(".sample-chart .flowfield-chart-frame-label")).hasText("epoch 1 of 3");
            assertThat(samples).hasCount(1000);

            // every chart offers its picture and its points for download
            page.locator(".sample-chart .apexcharts-menu-icon").click();
            assertThat(page.locator(".sample-chart .apexcharts-menu-item.exportSVG")).isVisible();
            assertThat(page.locator(".sample-chart .apexcharts-menu-item.exportPNG")).isVisible();
            Download csv = page.waitForDownload(
                    () -> page.locator(".sample-chart .apexcharts-menu-item.exportCSV").click());
            String points = readDownload(csv);
            assertThat(points.lines().count()).isEqualTo(1 + 1000);
            Download svg = page.waitForDownload(() -> {
                page.locator(".sample-chart .apexcharts-menu-icon").click();
                page.locator(".sample-chart .apexcharts-menu-item.exportSVG").click();
            });
            assertThat(readDownload(svg)).startsWith("<svg");

            page.navigate(student.url("/"));
            Locator row = page.locator("vaadin-grid-cell-content");
            assertThat(row.getByText("my first smoke run", new Locator.GetByTextOptions().setExact(true))).isVisible();
            assertThat(page.locator("vaadin-grid")).containsText("finished");
            assertThat(page.locator("vaadin-grid")).containsText("100%");
            assertThat(page.url()).isEqualTo(student.url("/"));
        }
    }

    /**
     * Each column's header cell spans exactly its body cells (a header of another width shifts
     * every later label off its column), and the list fits the 1,400 px page without scrolling
     * sideways, also when a classmate with a username of the longest allowed length shared a run
     * (the Owner column keeps its width; the whole name is the cell's tooltip). The reference runs
     * every student sees fill the rest of the body.
     */
    @Test
    void theListsHeadersSitOverTheirColumnsAndTheListFitsThePage() {
        try (Student student = newStudent()) {
            String username = "student-" + UUID.randomUUID().toString().substring(0, 8);
            Page page = student.signUpAndLogIn(username).page();
            String classmateName = "classmate-" + UUID.randomUUID().toString().replace("-", "")
                    .substring(0, AccountRules.USERNAME_MAX - "classmate-".length());
            Account classmate = accounts.signUp(classmateName, Student.PASSWORD);
            Run shared = runs.queue(classmate.id(), RunPresets.smoke(ModelFamily.FLOW_MATCHING));
            sharing.openLink(accounts.findByUsername(username).orElseThrow().id(),
                    sharing.shareByLink(classmate.id(), shared.id()).token());
            page.reload();
            assertThat(page.locator("vaadin-grid-cell-content").getByText(classmateName)).isVisible();
            assertThat(page.locator("vaadin-grid-cell-content").getByText("Reference: Flow matching"))
                    .isVisible();
            String cells = "kind => Array.from(document.querySelectorAll('vaadin-grid-cell-content'))"
                    + ".map(content => content.assignedSlot && content.assignedSlot.parentElement)"
                    + ".filter(cell => cell && cell.getAttribute('part').split(' ').includes(kind))"
                    + ".map(cell => cell.getBoundingClientRect()).filter(box => box.width > 0)"
                    + ".sort((a, b) => a.x - b.x).map(box => Math.round(box.x) + '+' + Math.round(box.width))";
            @SuppressWarnings("unchecked")
            List<String> headers = (List<String>) page.evaluate("(" + cells + ")('header-cell')");
            @SuppressWarnings("unchecked")
            List<String> firstRow = (List<String>) page.evaluate("(" + cells + ")('first-row-cell')");
            assertThat(headers).as("x+width of the header cells, left to right").hasSize(11);
            assertThat(firstRow).as("x+width of the first row's cells, left to right").isEqualTo(headers);
            Object overflow = page.evaluate("() => { const table = document.querySelector('vaadin-grid').shadowRoot"
                    + ".querySelector('#table'); return table.scrollWidth - table.clientWidth; }");
            assertThat(((Number) overflow).intValue()).as("pixels the list scrolls sideways").isZero();
            page.locator("vaadin-grid-cell-content").getByText(classmateName).hover();
            assertThat(page.locator("vaadin-grid vaadin-tooltip[opened] [role=tooltip]")).hasText(classmateName);
        }
    }
}
