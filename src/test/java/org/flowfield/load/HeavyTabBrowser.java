package org.flowfield.load;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.flowfield.browser.Chromium;
import org.flowfield.browser.Student;

/**
 * One person in a real Chromium, on the reference runs' heavy tabs, in a thread of its own (each
 * with its own Playwright, which is not thread-safe). A visitor opens one heavy tab after another,
 * each time as a fresh page load of the run; the hammer stays on the flow-matching run's Δt sweep
 * and asks for a new sweep the moment the last one is answered (or refused by the per-person
 * limit), as a script would. Each answer lands in {@link Measurements} as kind
 * {@value Measurements#HEAVY}: status 200 for an answer drawn, 429 for the limit's refusal, 500
 * for "could not be computed"; any 5xx response the browser receives is noted as well.
 */
final class HeavyTabBrowser implements Runnable {

    /** A heavy tab of a reference run. */
    record HeavyTab(String runId, String label) {}

    private static final String FAILED = "could not be computed because of an error on the server";
    private static final String QUANTIZATION = "Q4: Time quantization";

    /** The state of the visible question panel: "busy", "problem:<text>" or "drawn". */
    private static final String PANEL_STATE = """
            () => {
              const view = [...document.querySelectorAll('.question-view')].find(v => v.offsetParent !== null);
              if (!view) return 'busy';
              const bar = view.querySelector('.question-progress');
              if (bar && !bar.hidden) return 'busy';
              const problem = view.querySelector('.question-problem');
              if (problem && !problem.hidden && problem.textContent.trim()) return 'problem:' + problem.textContent;
              return view.querySelector('flowfield-chart') ? 'drawn' : 'busy';
            }""";

    private final String baseUrl;
    private final String username;
    private final List<HeavyTab> tabs;
    private final boolean hammer;
    private final long deadline;
    private final Measurements measurements;

    HeavyTabBrowser(String baseUrl, String username, List<HeavyTab> tabs, boolean hammer, Duration duration, Measurements measurements) {
        this.baseUrl = baseUrl;
        this.username = username;
        this.tabs = tabs;
        this.hammer = hammer;
        this.deadline = System.nanoTime() + duration.toNanos();
        this.measurements = measurements;
    }

    @Override
    public void run() {
        try (Chromium chromium = Chromium.launch(); Student student = new Student(chromium, baseUrl)) {
            Page page = student.page();
            page.onResponse(response -> {
                if (response.status() >= 500) {
                    measurements.add(Measurements.HEAVY, "browser request " + response.url(), response.status(), -1);
                }
            });
            student.logIn(username);
            if (hammer) {
                hammer(page);
            } else {
                visit(page);
            }
        } catch (RuntimeException e) {
            measurements.add(Measurements.HEAVY, (hammer ? "hammer" : "visitor") + " stopped: " + firstMessageLine(e), 0, -1);
        }
    }

    private void visit(Page page) {
        for (int visit = 0; System.nanoTime() < deadline; visit++) {
            HeavyTab tab = tabs.get(visit % tabs.size());
            long start = System.nanoTime();
            page.navigate(baseUrl + "/runs/" + tab.runId());
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(tab.label())).click();
            record("open " + tab.label(), awaitAnswer(page), start);
        }
    }

    private void hammer(Page page) {
        HeavyTab sweep = tabs.stream().filter(tab -> tab.label().equals(QUANTIZATION)).findFirst().orElseThrow();
        page.navigate(baseUrl + "/runs/" + sweep.runId());
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(QUANTIZATION)).click();
        awaitAnswer(page);
        Locator steps = page.locator(".question-view vaadin-text-field input").first();
        Locator sample = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sample"));
        for (int sweepNumber = 0; System.nanoTime() < deadline; sweepNumber++) {
            // a Δt never asked before, so that no kept answer serves it
            steps.fill(String.format(Locale.ROOT, "0.1, %.5f", 0.01 + (sweepNumber % 4000) / 100_000.0));
            long start = System.nanoTime();
            page.waitForResponse(response -> response.url().contains("v-r=uidl"), sample::click);
            record("Δt sweep", awaitAnswer(page), start);
        }
    }

    private static String awaitAnswer(Page page) {
        page.waitForFunction("() => (" + PANEL_STATE + ")() !== 'busy'", null,
                new Page.WaitForFunctionOptions().setTimeout(120_000).setPollingInterval(50));
        return (String) page.evaluate(PANEL_STATE);
    }

    private void record(String name, String state, long start) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        int status = state.equals("drawn") ? 200 : state.contains(FAILED) ? 500 : 429;
        measurements.add(Measurements.HEAVY, name, status, millis);
    }

    /** Playwright's messages begin "Error {"; the line that says what went wrong is its "message=" line. */
    private static String firstMessageLine(RuntimeException e) {
        String text = String.valueOf(e.getMessage());
        return text.lines().map(String::strip).filter(line -> line.startsWith("message=")).findFirst()
                .orElse(text.lines().findFirst().orElse(e.getClass().getSimpleName()));
    }
}
