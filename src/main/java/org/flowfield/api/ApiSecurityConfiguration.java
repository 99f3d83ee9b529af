package org.flowfield.api;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.flowfield.api.tokens.AccessTokenService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The API's own security, ahead of the log-in-based one of the views: every request under
 * {@value #API_PATHS} needs a personal access token ({@code Authorization: Bearer <token>}); no
 * session is created or read, so a browser's log-in cookie opens nothing here, and there is no
 * CSRF token to send (CSRF rides on cookies, which this chain ignores). The one open door is the
 * OpenAPI description ({@value #OPENAPI_PATH}), public on purpose: it describes the API's shape,
 * as the README does, and no data. Its Swagger UI pages lie outside {@code /api} and need a log-in
 * like every view.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = ApiSecurityConfiguration.BEARER_SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A personal access token, created under Account → Access tokens")
class ApiSecurityConfiguration {

    static final String API_PATHS = "/api/**";
    static final String OPENAPI_PATH = "/api/openapi";
    static final String BEARER_SCHEME = "accessToken";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, AccessTokenService tokens, ApiErrorResponses errors) throws Exception {
        return http.securityMatcher(API_PATHS)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, OPENAPI_PATH, OPENAPI_PATH + "/**", OPENAPI_PATH + ".yaml").permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> errors.unauthorized(response,
                                "An access token is required: send 'Authorization: Bearer <token>'"))
                        .accessDeniedHandler((request, response, e) -> errors.forbidden(response, "Access denied")))
                .addFilterBefore(new BearerTokenFilter(tokens, errors), AuthorizationFilter.class)
                .build();
    }
}
