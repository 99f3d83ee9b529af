package org.flowfield.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowfield.accounts.AccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP: a user logged in with the log-in form (whose session does not open the API) is
 * logged out when an administrator disables the account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "flowfield.data-dir=./target/test-data/disabling-${random.uuid}",
    "flowfield.queue.slots=2",
    "flowfield.queue.dispatch-interval-ms=200",
    "flowfield.accounts.bcrypt-strength=4",
    "flowfield.admin.accounts=api-admin"
})
class DisablingEndsSessionsTest {

    static final String PASSWORD = "a long password";

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired AdminService admin;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in as the log-in page's form does; returns where the server sends the browser next. */
    private String logIn(String username) throws IOException, InterruptedException {
        String page = get("/login").body();
        String parameter = meta(page, "_csrf_parameter");
        String token = meta(page, "_csrf");
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&" + parameter + "=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        return URI.create(answer.headers().firstValue("Location").orElseThrow()).getPath()
                + (answer.headers().firstValue("Location").orElseThrow().contains("?error") ? "?error" : "");
    }

    private static String meta(String page, String name) {
        Matcher found = Pattern.compile("<meta name=\"" + name + "\" content=\"([^\"]+)\"").matcher(page);
        assertThat(found.find()).as("the log-in page carries " + name).isTrue();
        return found.group(1);
    }

    @Test
    void aDisabledUsersOpenSessionEndsAndTheLogInFormRefusesThem() throws Exception {
        UUID administrator = accounts.findByUsername("api-admin").orElseGet(() -> accounts.signUp("api-admin", PASSWORD)).id();
        String username = "student-" + UUID.randomUUID().toString().substring(0, 8);
        UUID student = accounts.signUp(username, PASSWORD).id();
        assertThat(logIn(username)).isEqualTo("/");
        assertThat(get("/").statusCode()).as("logged in").isEqualTo(200);
        assertThat(get("/api/runs").statusCode()).as("a log-in cookie opens nothing in the API").isEqualTo(401);

        AccountDisabling disabled = admin.disable(administrator, student);

        assertThat(disabled.sessionsEnded()).isEqualTo(1);
        HttpResponse<String> after = get("/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(logIn(username)).isEqualTo("/login?error");

        admin.enable(administrator, student);
        assertThat(logIn(username)).isEqualTo("/");
    }
}
