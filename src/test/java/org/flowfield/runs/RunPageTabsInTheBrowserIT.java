package org.flowfield.runs;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.flowfield.browser.InTheBrowser;
import org.flowfield.browser.Student;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.ui.RunPageTabs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every tab other features contribute to a run's page (the exercise questions), opened on the
 * reference runs in a real Chromium, shows only components the production bundle defines. Spring
 * contributes these tabs, so the bundle's build, which follows the routes, does not see them: a
 * component only they use was left out of the bundle (the radio buttons of Q5 and of the bonus
 * question), and one that came with another route's scripts was missing on a run's page opened
 * first (the number fields of Q5 and of the bonus question). On the way, no chart's tool bar may
 * cover its title (in the narrow charts of three side by side, long titles ran under it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "flowfield.data-dir=./target/test-data/browser-q5-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "flowfield.accounts.bcrypt-strength=4",
    "vaadin.devmode.devTools.enabled=false"
})
class RunPageTabsInTheBrowserIT extends InTheBrowser {

    /**
     * Names of the custom elements in the page, its open shadow roots included, that no script
     * defined. Two kinds of element are never defined and are left out: Flow's containers of
     * server-side content and the grid's cell contents, plain elements its cells slot in.
     */
    private static final String UNDEFINED_ELEMENTS = """
            () => {
              const neverDefined = name => name.startsWith('flow-container-') || name === 'vaadin-grid-cell-content';
              const undefinedNames = new Set();
              const visit = root => root.querySelectorAll('*').forEach(element => {
                const name = element.localName;
                if (name.includes('-') && !neverDefined(name) && !customElements.get(name)) undefinedNames.add(name);
                if (element.shadowRoot) visit(element.shadowRoot);
              });
              visit(document);
              return [...undefinedNames];
            }""";

    /** Titles of the charts in the page that their tool bar covers in part, with the overlap in pixels. */
    private static final String COVERED_TITLES = """
            () => [...document.querySelectorAll('flowfield-chart')].flatMap(chart => {
              const root = chart.shadowRoot || chart;
              const title = root.querySelector('.apexcharts-title-text');
              const toolbar = root.querySelector('.apexcharts-toolbar');
              if (!title || !toolbar || !title.textContent) return [];
              const a = title.getBoundingClientRect();
              const b = toolbar.getBoundingClientRect();
              const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
              const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
              return width > 0 && height > 0 && b.width > 0 ? [title.textContent + ' (' + Math.round(width) + ' px)'] : [];
            })""";

    @Autowired
    RunService runs;

    @Autowired
    List<RunPageTabs> contributedTabs;

    @Test
    void everyContributedTabOfEveryFamilyShowsOnlyComponentsTheBundleDefinesAndChartTitlesInFull() {
        Set<ModelFamily> visited = EnumSet.noneOf(ModelFamily.class);
        List<String> undefined = new ArrayList<>();
        List<String> covered = new ArrayList<>();
        try (Student student = newStudent()) {
            Page page = student.signUpAndLogIn("student-" + UUID.randomUUID().toString().substring(0, 8)).page();
            for (Run reference : runs.listReference()) {
                ModelFamily family = reference.config().family();
                if (!visited.add(family)) {
                    continue;
                }
                page.navigate(student.url("/runs/" + reference.id()));
                List<String> labels = contributedTabs.stream().flatMap(tabs -> tabs.tabsFor(reference).stream())
                        .map(RunPageTabs.Tab::label).toList();
                assertThat(labels).as("tabs of the reference " + family).isNotEmpty();
                for (String label : labels) {
                    page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(label)).click();
                    Locator selected = page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(label).setSelected(true));
                    assertThat(selected).isVisible();
                    page.waitForTimeout(300);
                    @SuppressWarnings("unchecked")
                    List<String> names = (List<String>) page.evaluate(UNDEFINED_ELEMENTS);
                    new TreeSet<>(names).forEach(name -> undefined.add(family + " / " + label + ": <" + name + ">"));
                    @SuppressWarnings("unchecked")
                    List<String> titles = (List<String>) page.evaluate(COVERED_TITLES);
                    titles.forEach(title -> covered.add(family + " / " + label + ": " + title));
                }
            }
        }
        assertThat(visited).as("reference runs of every family").containsExactlyInAnyOrder(ModelFamily.values());
        assertThat(undefined).as("custom elements the production bundle does not define").isEmpty();
        assertThat(covered).as("chart titles their tool bar covers").isEmpty();
    }
}
