package org.flowfield.datasets;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.flowfield.browser.InTheBrowser;
import org.flowfield.browser.Student;
import org.flowfield.data.PointCloud;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A student in a real Chromium reaches "Data sets" from the menu, paints strokes with the mouse
 * (two brush widths, undo and clear), previews the points, saves the drawing, uploads bad files
 * and sees their problems line by line, uploads a good one, and deletes it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "flowfield.data-dir=./target/test-data/browser-${random.uuid}",
    "flowfield.queue.dispatch-interval-ms=86400000",
    "flowfield.accounts.bcrypt-strength=4",
    "vaadin.devmode.devTools.enabled=false"
})
class DataSetsInTheBrowserIT extends InTheBrowser {

    @Autowired UserDataSets dataSets;
    @Autowired JdbcClient jdbc;

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    /** Drags the mouse over the canvas from (x0, y0) to (x1, y1), in the data's coordinates (the canvas shows [-4, 4]²). */
    private static void paint(Page page, double x0, double y0, double x1, double y1) {
        BoundingBox box = page.locator("flowfield-drawing canvas").boundingBox();
        double half = DataSetLimits.DRAWING_HALF_WIDTH;
        page.mouse().move(box.x + (x0 + half) / (2 * half) * box.width, box.y + (half - y0) / (2 * half) * box.height);
        page.mouse().down();
        page.mouse().move(box.x + (x1 + half) / (2 * half) * box.width, box.y + (half - y1) / (2 * half) * box.height,
                new com.microsoft.playwright.Mouse.MoveOptions().setSteps(25));
        page.mouse().up();
    }

    private static void upload(Page page, String name, String fileName, byte[] content) {
        page.getByRole(AriaRole.TEXTBOX, named("Name of the data set")).fill(name);
        FileChooser chooser = page.waitForFileChooser(() -> page.locator("vaadin-upload").getByRole(AriaRole.BUTTON).first().click());
        chooser.setFiles(new FilePayload(fileName, "text/csv", content));
    }

    private static byte[] lines(int n, boolean classes) {
        StringBuilder text = new StringBuilder("x,y" + (classes ? ",class" : "") + "\n");
        for (int i = 0; i < n; i++) {
            text.append(i % 13 * 0.25).append(',').append(i % 7 - 3.5).append(classes ? "," + i % 2 : "").append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aStudentDrawsAndUploadsDataSetsAndSeesWhatIsWrongWithABadFile() {
        String username = "painter-" + UUID.randomUUID().toString().substring(0, 8);
        try (Student student = newStudent()) {
            Page page = student.signUpAndLogIn(username).page();
            page.getByRole(AriaRole.LINK, named("Data sets")).click();
            page.waitForURL("**/data");
            assertThat(page.getByRole(AriaRole.HEADING, named("My data sets"))).isVisible();

            // clear takes everything away: nothing is left to sample
            paint(page, -1, -1, 1, 1);
            page.getByRole(AriaRole.BUTTON, named("Clear")).click();
            page.getByRole(AriaRole.BUTTON, named("Preview points")).click();
            assertThat(page.locator(".drawing-problems")).hasText("Draw at least one stroke.");

            // a thin horizontal bar, a wide vertical one, and a stroke taken back
            paint(page, -2, 0, 2, 0);
            Locator brush = page.getByRole(AriaRole.SPINBUTTON, named("Brush width"));
            brush.fill("1");
            brush.press("Tab");
            // the server hands the width to the canvas: paint once it is there
            assertThat(page.locator("flowfield-drawing")).hasAttribute("brush-width", "1.0");
            paint(page, -3, -1, -3, 1);
            paint(page, -2, 3, 2, 3);
            page.getByRole(AriaRole.BUTTON, named("Undo")).click();
            Locator points = page.getByRole(AriaRole.SPINBUTTON, named("Points"));
            points.fill("500");
            points.press("Tab");
            page.getByRole(AriaRole.BUTTON, named("Preview points")).click();
            assertThat(page.locator(".drawing-preview .apexcharts-series path")).hasCount(500);
            assertThat(page.locator(".drawing-problems")).isHidden();

            page.getByRole(AriaRole.TEXTBOX, named("Name of the drawing")).fill("bars");
            page.getByRole(AriaRole.BUTTON, named("Save drawing")).click();
            Locator grid = page.locator("vaadin-grid").first();
            assertThat(grid).containsText("bars");
            assertThat(grid).containsText("drawn");
            assertThat(grid).containsText("500");
            assertThat(page.locator(".data-set-preview .apexcharts-series path")).hasCount(500);

            UUID owner = jdbc.sql("select id from account where username = ?").param(username).query(UUID.class).single();
            UserDataSet bars = dataSets.listMine(owner).getFirst();
            List<Stroke> strokes = dataSets.strokes(owner, bars.id()).orElseThrow();
            assertThat(strokes).extracting(Stroke::width).containsExactly(0.3, 1.0);
            PointCloud drawn = dataSets.pointsFor(owner, bars.id()).points();
            int inThin = 0;
            int inWide = 0;
            for (int i = 0; i < drawn.size(); i++) {
                float x = drawn.x(i);
                float y = drawn.y(i);
                boolean thin = Math.abs(y) <= 0.16 && Math.abs(x) <= 2.16;
                boolean wide = Math.abs(x + 3) <= 0.51 && Math.abs(y) <= 1.51;
                assertThat(thin || wide).as("point (%s, %s) under a stroke that was kept", x, y).isTrue();
                inThin += thin ? 1 : 0;
                inWide += wide ? 1 : 0;
            }
            assertThat(inThin).isPositive();
            assertThat(inWide).isGreaterThan(inThin);

            // a bad file: each problem on its line, nothing stored
            upload(page, "bad file", "bad.csv", "x,y\n1,2\n3,abc\n4,5\n6,7,8\nNaN,1\n".getBytes(StandardCharsets.UTF_8));
            Locator problems = page.locator(".upload-problems");
            assertThat(problems).containsText("Line 3: y is “abc”, which is not a number.");
            assertThat(problems).containsText("Line 5 has 3 values, but the lines before it have 2 (x,y).");
            assertThat(problems).containsText("Line 6: x is “NaN”; every value must be a finite number.");
            assertThat(grid).not().containsText("bad file");

            // too large: refused before it is sent
            upload(page, "huge", "huge.csv", new byte[DataSetLimits.MAX_UPLOAD_BYTES + 1]);
            assertThat(problems).hasText("The file is larger than 1,048,576 bytes, the most an upload may have.");

            upload(page, "two classes", "good.csv", lines(300, true));
            assertThat(grid).containsText("two classes");
            assertThat(grid).containsText("uploaded");
            assertThat(problems).isHidden();
            assertThat(page.locator(".data-set-preview .apexcharts-series path")).hasCount(300);
            assertThat(dataSets.listMine(owner)).extracting(UserDataSet::name).containsExactly("two classes", "bars");

            page.getByRole(AriaRole.BUTTON, named("Delete")).click();
            page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete").setExact(true)).click();
            assertThat(grid).not().containsText("two classes");
            assertThat(dataSets.listMine(owner)).extracting(UserDataSet::name).containsExactly("bars");
        }
    }
}
