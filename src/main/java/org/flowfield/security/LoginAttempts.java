package org.flowfield.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.flowfield.accounts.AccountRules;
import org.flowfield.security.ui.LoginView;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every log-in form post against {@link LimitedAction#LOG_IN_PER_ADDRESS} and {@link
 * LimitedAction#LOG_IN_PER_ACCOUNT} before the password is checked; over either limit the post is
 * not checked at all (so the right password is refused too) and the browser goes back to the
 * log-in page with the seconds to wait ({@value LoginView#THROTTLED_PARAMETER}) and a {@code Retry-After}.
 * The address is the request's: a forwarding proxy's headers count only where {@code
 * server.forward-headers-strategy} says to trust them.
 */
class LoginAttempts extends OncePerRequestFilter {

    private final RequestMatcher logInPost;
    private final String loginPath;
    private final Throttle throttle;
    private final SecurityLog log;

    LoginAttempts(RequestMatcher logInPost, String loginPath, Throttle throttle, SecurityLog log) {
        this.logInPost = logInPost;
        this.loginPath = loginPath;
        this.throttle = throttle;
        this.log = log;
    }

    /** The key of an account's bucket: the username as stored, or one key for all names too long to exist. */
    static String accountKey(String username) {
        String normalized = AccountRules.normalizeUsername(username == null ? "" : username);
        return normalized.length() > AccountRules.USERNAME_MAX ? normalized.substring(0, AccountRules.USERNAME_MAX + 1) : normalized;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!logInPost.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        String username = request.getParameter("username");
        try {
            throttle.acquire(LimitedAction.LOG_IN_PER_ADDRESS, request.getRemoteAddr());
            throttle.acquire(LimitedAction.LOG_IN_PER_ACCOUNT, accountKey(username));
        } catch (ThrottledException e) {
            log.record(SecurityEvent.LOG_IN_THROTTLED, null, username, request.getRemoteAddr(), e.action().name());
            long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            response.sendRedirect(request.getContextPath() + loginPath + "?" + LoginView.THROTTLED_PARAMETER + "=" + seconds);
            return;
        }
        chain.doFilter(request, response);
    }
}
