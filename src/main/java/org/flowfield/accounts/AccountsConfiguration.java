package org.flowfield.accounts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password encoder: bcrypt with the cost {@code flowfield.accounts.bcrypt-strength} (log2 of
 * the rounds, 4 to 31; default {@value #DEFAULT_BCRYPT_STRENGTH}). Tests lower it to 4 to run
 * fast. The security configuration should use this bean rather than define another.
 */
@Configuration(proxyBeanMethods = false)
class AccountsConfiguration {

    /** bcrypt's cost unless configured: 2^10 rounds, some 50 to 100 ms per hash on a server core. */
    static final int DEFAULT_BCRYPT_STRENGTH = 10;

    @Bean
    PasswordEncoder passwordEncoder(
            @Value("${flowfield.accounts.bcrypt-strength:" + DEFAULT_BCRYPT_STRENGTH + "}") int strength) {
        return new BCryptPasswordEncoder(strength);
    }
}
