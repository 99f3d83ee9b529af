package org.flowfield.compare;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.flowfield.browser.Chromium;
import org.flowfield.browser.InTheBrowser;
import org.flowfield.browser.Student;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A student in a real Chromium opens the compare page of the reference normalizing flow and flow
 * matching runs by its URL, moves the one shared slider and sees every progression panel change
 * frame, then presses play and sees them all advance together.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "flowfield.data-dir=./target/test-data/browser-compare-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "flowfield.accounts.bcrypt-strength=4",
    "vaadin.devmode.devTools.enabled=false"
})
class CompareInTheBrowserIT extends InTheBrowser {

    @Autowired
    RunService runs;

    private Run reference(ModelFamily family) {
        return runs.listReference().stream().filter(run -> run.config().family() == family).findFirst().orElseThrow();
    }

    @Test
    void oneSliderAndOnePlayButtonDriveEveryProgressionPanel() {
        Run nf = reference(ModelFamily.NORMALIZING_FLOW);
        Run fm = reference(ModelFamily.FLOW_MATCHING);
        try (Student student = newStudent()) {
            Page page = student.signUpAndLogIn("student-" + UUID.randomUUID().toString().substring(0, 8)).page();

            page.navigate(student.url("/compare?runs=" + nf.id() + "," + fm.id()));

            assertThat(page.locator(".compare-run-name")).hasText(new String[] {nf.name(), fm.name()});
            assertThat(page.locator("vaadin-grid.compare-figures")).containsText("best");
            Locator panels = page.locator("flowfield-chart.compare-progression-chart");
            LocatorAssertions.HasAttributeOptions slow = new LocatorAssertions.HasAttributeOptions().setTimeout(180_000);
            assertThat(panels).hasCount(2, new LocatorAssertions.HasCountOptions().setTimeout(180_000));
            assertThat(panels.nth(0)).hasAttribute("data-frame", "0", slow);
            assertThat(panels.nth(1)).hasAttribute("data-frame", "0", slow);
            // the panels' own controls are hidden: one slider and one play button on the page drive them
            assertThat(page.locator("flowfield-chart.compare-progression-chart .flowfield-chart-slider").first()).isHidden();
            Locator slider = page.locator("flowfield-player .flowfield-player-slider");
            assertThat(slider).isVisible();

            slider.fill("10");

            assertThat(panels.nth(0)).hasAttribute("data-frame", "10");
            assertThat(panels.nth(1)).hasAttribute("data-frame", "10");
            assertThat(page.locator("flowfield-player .flowfield-player-label")).hasText("f = 0.20 of the way from noise to data");
            assertThat(panels.nth(0).locator(".flowfield-chart-frame-label")).hasText("layer 3 of 15 · f = 0.20");
            assertThat(panels.nth(1).locator(".flowfield-chart-frame-label")).hasText("t = 0.20 · f = 0.20");
            assertThat(panels.nth(0).locator(".apexcharts-series path")).hasCount(1000);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Play")).click();

            // it plays to the end (f = 1) and stops there, every panel on the last frame
            assertThat(panels.nth(0)).hasAttribute("data-frame", "50", new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
            assertThat(panels.nth(1)).hasAttribute("data-frame", "50");
            assertThat(page.locator("flowfield-player")).hasAttribute("data-frame", "50");
            assertThat(page.locator("flowfield-player .flowfield-player-play")).hasText("Play");
            assertThat(page.locator("vaadin-grid.compare-probe")).containsText("log p(x)");
            assertThat(page.url()).contains("/compare?runs=");
        }
    }
}
