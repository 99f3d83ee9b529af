package org.flowfield.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.flowfield.accounts.AccountDirectory;
import org.flowfield.accounts.AccountService;
import org.flowfield.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Log-in with the accounts' bcrypt hashes; every view needs a logged-in user unless it says
 * otherwise (only the log-in and sign-up views do). The one other open door is
 * {@value #HEALTH_PATH} for load balancers and container health checks, which says UP or DOWN.
 *
 * <p>Beyond Vaadin's defaults: the log-in form needs the session's CSRF token like any other
 * form (Vaadin exempts it; its log-in form sends the token from the page's meta tags), log-in
 * posts are rate-limited ({@link LoginAttempts}), and every answer carries the headers of
 * {@link #CONTENT_SECURITY_POLICY}, {@link #REFERRER_POLICY}, nosniff and {@value #NO_STORE}.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    static final String HEALTH_PATH = "/actuator/health";
    static final String LOGIN_PATH = "/login";

    /**
     * Vaadin Flow's client runs inline bootstrap scripts and evaluates the server's JavaScript
     * calls ('unsafe-inline', 'unsafe-eval'), and its components set inline styles; the rest
     * stays on this server, and no other site may frame a page or receive a form.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** A share link's token never leaves in a Referer to another site. */
    static final ReferrerPolicy REFERRER_POLICY = ReferrerPolicy.SAME_ORIGIN;

    /** Pages and data of logged-in users stay out of browser and proxy caches. */
    static final String NO_STORE = "no-store";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RequestUtil vaadinRequests, Throttle throttle, SecurityLog log)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, HEALTH_PATH).permitAll());
        // Vaadin's own requests carry Vaadin's CSRF token; everything else, the log-in post included, Spring's
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.headers(headers -> headers
                .contentTypeOptions(nosniff -> {})
                .cacheControl(cache -> cache.disable())
                .addHeaderWriter((request, response) -> {
                    if (!vaadinStaticResource(request.getRequestURI(), request.getContextPath())) {
                        response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
                    }
                })
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(REFERRER_POLICY))
                // Vaadin's pages are forwarded to its servlet, which commits them past the usual
                // moment of writing headers: write them before the request is handled
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
        http.addFilterBefore(new LoginAttempts(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, LOGIN_PATH),
                LOGIN_PATH, throttle, log), UsernamePasswordAuthenticationFilter.class);
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class).enableCsrfConfiguration(false))
                .build();
    }

    /** The compiled front end, the same for everyone, which Vaadin lets browsers cache. */
    private static boolean vaadinStaticResource(String uri, String contextPath) {
        return uri.startsWith(contextPath + "/VAADIN/build/") || uri.startsWith(contextPath + "/VAADIN/static/");
    }

    @Bean
    UserDetailsService userDetailsService(AccountService accounts, AccountDirectory directory) {
        return username -> accounts.credentialsOf(username)
                .filter(credentials -> !credentials.id().equals(AccountService.REFERENCE_ACCOUNT_ID) && !directory.isDisabled(credentials.id()))
                .map(credentials -> User.withUsername(credentials.username()).password(credentials.passwordHash()).roles("USER").build())
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }
}
