package org.flowfield.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.flowfield.accounts.Account;
import org.flowfield.accounts.AccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a browser or curl sees of the server over real HTTP: headers, the session cookie, the
 * log-in form's CSRF check and the log-in limits. The server trusts forwarded headers here
 * ({@code server.forward-headers-strategy=native}), as behind a TLS proxy, so that each test
 * comes from client addresses of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "flowfield.data-dir=./target/test-data/web-security-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4",
    "server.forward-headers-strategy=native"
})
class WebSecurityTest {

    private static final String PASSWORD = "a long password";
    private static final AtomicInteger BROWSERS = new AtomicInteger();
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    LimitSettings limits;

    @Autowired
    SecurityLog log;

    /** A browser of its own: its own cookies, from its own address. */
    private final class Browser {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        /** Its own address, never another browser's: the per-address limit must count this one alone. */
        final String address = nextAddress();

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Forwarded-For", address);
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The log-in page's CSRF token, as Vaadin puts it in the page for its log-in form. */
        String csrfToken() throws IOException, InterruptedException {
            Matcher meta = CSRF_META.matcher(get("/login").body());
            assertThat(meta.find()).as("the log-in page carries the CSRF token").isTrue();
            return meta.group(1);
        }

        HttpResponse<String> postLogIn(Map<String, String> form, String origin) throws IOException, InterruptedException {
            String body = form.entrySet().stream()
                    .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return client.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> logIn(String username, String password) throws IOException, InterruptedException {
            return postLogIn(Map.of("username", username, "password", password, "_csrf", csrfToken()), "http://localhost:" + port);
        }

        boolean loggedIn() throws IOException, InterruptedException {
            return get("/").statusCode() == 200;
        }
    }

    /**
     * A documentation address (RFC 5737) no other browser of this JVM has had; drawn at random, two
     * browsers shared one about once in 250 pairs and the second found the first one's limit.
     */
    private static String nextAddress() {
        int n = BROWSERS.getAndIncrement();
        return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }

    private Account freshAccount() {
        return accounts.signUp("web-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    @Test
    void everyPageCarriesTheHardeningHeadersAndLoggedInPagesAreNotStored() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> login = browser.get("/login");
        Account ada = freshAccount();
        assertThat(browser.logIn(ada.username(), PASSWORD).headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).doesNotContain("error"));
        HttpResponse<String> runs = browser.get("/");

        assertThat(runs.statusCode()).isEqualTo(200);
        for (HttpResponse<String> page : new HttpResponse[] {login, runs}) {
            assertThat(header(page, "X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(header(page, "Cache-Control")).isEqualTo("no-store");
            assertThat(header(page, "Content-Security-Policy")).isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY)
                    .contains("frame-ancestors 'none'").contains("object-src 'none'");
            assertThat(header(page, "Referrer-Policy")).isEqualTo("same-origin");
            assertThat(header(page, "X-Frame-Options")).isEqualTo("DENY");
        }
        assertThat(log.recent(50)).anySatisfy(entry -> {
            assertThat(entry.event()).isEqualTo(SecurityEvent.LOG_IN);
            assertThat(entry.accountId()).isEqualTo(ada.id());
            assertThat(entry.address()).isEqualTo(browser.address);
        });
    }

    @Test
    void theCompiledFrontEndMayStillBeCached() throws Exception {
        Browser browser = new Browser();
        Matcher script = Pattern.compile("VAADIN/build/[^\"']+\\.js").matcher(browser.get("/login").body());
        assertThat(script.find()).isTrue();

        HttpResponse<String> bundle = browser.get("/" + script.group());

        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(header(bundle, "Cache-Control")).isNotEqualTo("no-store");
        assertThat(header(bundle, "X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndLaxAndSecureWhenTheProxySaysHttps() throws Exception {
        Browser plain = new Browser();
        Browser behindTls = new Browser();

        String overHttp = plain.get("/login").headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        String overHttps = behindTls.client.send(behindTls.request("/login").header("X-Forwarded-Proto", "https").GET().build(),
                        HttpResponse.BodyHandlers.ofString())
                .headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst().orElseThrow();

        assertThat(overHttp).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
        assertThat(overHttps).contains("HttpOnly").contains("SameSite=Lax").contains("Secure");
    }

    @Test
    void aLogInPostWithoutTheSessionsTokenIsRefusedBeforeThePasswordIsChecked() throws Exception {
        Browser victim = new Browser();
        victim.get("/login");
        Account attacker = freshAccount();

        HttpResponse<String> fromElsewhere = victim.postLogIn(Map.of("username", attacker.username(), "password", PASSWORD),
                "https://evil.example");
        HttpResponse<String> forgedToken = victim.postLogIn(
                Map.of("username", attacker.username(), "password", PASSWORD, "_csrf", "forged"), "https://evil.example");

        // refused as an expired form is: back to a fresh log-in page, not logged in, the password never tried
        for (HttpResponse<String> refused : List.of(fromElsewhere, forgedToken)) {
            assertThat(refused.statusCode()).isEqualTo(302);
            assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        }
        assertThat(victim.loggedIn()).isFalse();
        assertThat(log.recent(50)).noneSatisfy(entry -> assertThat(entry.username()).isEqualTo(attacker.username()));

        HttpResponse<String> withToken = victim.logIn(attacker.username(), PASSWORD);

        assertThat(withToken.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).doesNotContain("login"));
        assertThat(victim.loggedIn()).isTrue();
    }

    @Test
    void afterTooManyFailuresEvenTheRightPasswordIsRefusedAndTheWaitIsGiven() throws Exception {
        Browser browser = new Browser();
        Account bob = freshAccount();
        int allowed = limits.get(LimitedAction.LOG_IN_PER_ACCOUNT).attempts();
        for (int i = 0; i < allowed; i++) {
            assertThat(browser.logIn(bob.username(), "wrong password " + i).headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        }

        HttpResponse<String> refused = new Browser().logIn(bob.username().toUpperCase(java.util.Locale.ROOT), PASSWORD);

        String location = refused.headers().firstValue("Location").orElseThrow();
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(location).matches(".*/login\\?throttled=\\d+");
        long seconds = Long.parseLong(location.substring(location.indexOf('=') + 1));
        assertThat(seconds).isPositive().isLessThanOrEqualTo(limits.get(LimitedAction.LOG_IN_PER_ACCOUNT).period().toSeconds());
        assertThat(header(refused, "Retry-After")).isEqualTo(Long.toString(seconds));
        assertThat(browser.loggedIn()).isFalse();
        assertThat(log.recent(50)).filteredOn(entry -> bob.username().equalsIgnoreCase(entry.username()))
                .extracting(SecurityLogEntry::event)
                .contains(SecurityEvent.LOG_IN_THROTTLED)
                .filteredOn(event -> event == SecurityEvent.LOG_IN_FAILED).hasSize(allowed);
    }

    @Test
    void oneAddressIsLimitedAcrossAccountsAndTheLimitChangesWhileRunning() throws Exception {
        RateLimit configured = limits.get(LimitedAction.LOG_IN_PER_ADDRESS);
        limits.set(LimitedAction.LOG_IN_PER_ADDRESS, new RateLimit(3, Duration.ofMinutes(10)));
        try {
            Browser sprayer = new Browser();
            for (int i = 0; i < 3; i++) {
                assertThat(sprayer.logIn(freshAccount().username(), "wrong password").headers().firstValue("Location"))
                        .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
            }
            Account carol = freshAccount();

            assertThat(sprayer.logIn(carol.username(), PASSWORD).headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).contains("/login?throttled="));
            assertThat(new Browser().logIn(carol.username(), PASSWORD).headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).doesNotContain("login"));
        } finally {
            limits.set(LimitedAction.LOG_IN_PER_ADDRESS, configured);
        }
    }
}
