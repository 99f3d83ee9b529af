package org.flowfield.questions;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flowfield.accounts.AccountService;
import org.flowfield.browser.Chromium;
import org.flowfield.browser.InTheBrowser;
import org.flowfield.browser.Student;
import org.flowfield.flows.ModelFamily;
import org.flowfield.questions.nf.ProbabilityEstimate;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A student in a real Chromium opens the reference normalizing flow's "Q5: Probability
 * estimation", clicks a point on the chart, and sees that point's log p(x) in the table: the
 * number the service computes for the clicked (standardised) coordinates.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "flowfield.data-dir=./target/test-data/browser-q5-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "flowfield.accounts.bcrypt-strength=4",
    "vaadin.devmode.devTools.enabled=false"
})
class ProbabilityInTheBrowserIT extends InTheBrowser {

    @Autowired
    RunService runs;

    @Autowired
    QuestionService questions;

    @Autowired
    ChosenPointsService chosenPoints;

    @Autowired
    AccountService accounts;

    @Test
    void aStudentClicksAPointOnTheQ5ChartAndSeesItsLogLikelihood() throws Exception {
        String username = "student-" + UUID.randomUUID().toString().substring(0, 8);
        try (Student student = newStudent()) {
            Page page = student.signUpAndLogIn(username).page();
            Run reference = runs.listReference().stream()
                    .filter(run -> run.config().family() == ModelFamily.NORMALIZING_FLOW).findFirst().orElseThrow();

            page.locator("vaadin-grid-cell-content").getByText(reference.name(), new Locator.GetByTextOptions().setExact(true)).click();
            page.waitForURL("**/runs/*");
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Q5: Probability estimation")).click();
            Locator rows = page.locator(".probability-table vaadin-grid-cell-content");
            assertThat(rows.getByText("outside", new Locator.GetByTextOptions().setExact(true))).hasCount(2);
            Locator grid = page.locator("flowfield-chart.question-chart .apexcharts-grid");
            assertThat(grid).isVisible();
            // the chart's click handler is in place once its points are drawn (a click on an empty,
            // still rendering chart was lost once on a loaded machine)
            assertThat(page.locator("flowfield-chart.question-chart .apexcharts-series path").first()).isVisible();
            page.waitForTimeout(500);

            BoundingBox box = grid.boundingBox();
            page.mouse().click(box.x + box.width * 0.62, box.y + box.height * 0.4);

            assertThat(rows.getByText("6", new Locator.GetByTextOptions().setExact(true))).hasCount(1,
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(15_000));
            UUID id = accounts.findByUsername(username).orElseThrow().id();
            float[] chosen = chosenPoints.find(id).orElseThrow();
            assertThat(chosen).hasSize(12);
            float[] clicked = {chosen[10], chosen[11]};
            ProbabilityEstimate estimate = questions.probabilityEstimate(id, reference.id(), clicked, null).get(60, TimeUnit.SECONDS);
            String expected = String.format(Locale.ROOT, "%.3f", estimate.logLikelihood()[0]).replace('-', '−');
            assertThat(rows.getByText(expected, new Locator.GetByTextOptions().setExact(true))).hasCount(1);
            assertThat(rows.getByText(String.format(Locale.ROOT, "%.3f", clicked[0]).replace('-', '−'),
                    new Locator.GetByTextOptions().setExact(true)).first()).isVisible();
        }
    }
}
