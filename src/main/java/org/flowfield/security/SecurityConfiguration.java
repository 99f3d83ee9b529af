package org.flowfield.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.flowfield.accounts.AccountDirectory;
import org.flowfield.accounts.AccountService;
import org.flowfield.accounts.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Log-in with the accounts' bcrypt hashes; every view needs a logged-in user unless it says
 * otherwise (only the log-in and sign-up views do). The one other open door is
 * {@value #HEALTH_PATH} for load balancers and container health checks, which says UP or DOWN.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    static final String HEALTH_PATH = "/actuator/health";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, HEALTH_PATH).permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    @Bean
    UserDetailsService userDetailsService(AccountService accounts, AccountDirectory directory) {
        return username -> accounts.credentialsOf(username)
                .filter(credentials -> !credentials.id().equals(AccountService.REFERENCE_ACCOUNT_ID) && !directory.isDisabled(credentials.id()))
                .map(credentials -> User.withUsername(credentials.username()).password(credentials.passwordHash()).roles("USER").build())
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }
}
