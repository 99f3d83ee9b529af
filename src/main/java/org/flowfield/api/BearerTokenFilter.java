package org.flowfield.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.flowfield.accounts.Account;
import org.flowfield.api.tokens.AccessTokenService;
import org.flowfield.api.tokens.DisabledAccountException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an API request by its {@code Authorization: Bearer <token>} header. A request
 * without the header goes on unauthenticated (the API's entry point then answers 401); a header
 * with anything but a live token of an enabled account is answered 401 at once, saying which.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final AccessTokenService tokens;
    private final ApiErrorResponses errors;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BearerTokenFilter.class);

    BearerTokenFilter(AccessTokenService tokens, ApiErrorResponses errors) {
        this.tokens = tokens;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            errors.unauthorized(response, "Send the access token as 'Authorization: Bearer <token>'");
            return;
        }
        Optional<Account> account;
        try {
            account = tokens.authenticate(header.substring(BEARER.length()).strip());
        } catch (DisabledAccountException disabled) {
            errors.unauthorized(response, disabled.getMessage());
            return;
        } catch (org.springframework.dao.DataAccessException unreachable) {
            // not a refusal: left to the error page, it would read as 403 to a script
            log.warn("API request refused: the database did not answer ({})", unreachable.toString());
            errors.unavailable(response, "The server cannot reach its database just now; try again in 30 seconds");
            return;
        }
        if (account.isEmpty()) {
            errors.unauthorized(response, "The access token is not valid: it was revoked, or never existed");
            return;
        }
        ApiCaller caller = new ApiCaller(account.get().id(), account.get().username());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null,
                AuthorityUtils.createAuthorityList("ROLE_USER")));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
