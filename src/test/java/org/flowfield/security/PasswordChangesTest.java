package org.flowfield.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.flowfield.accounts.Account;
import org.flowfield.accounts.AccountService;
import org.flowfield.accounts.InvalidAccountException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/security-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4",
    "flowfield.limits.log-in-per-account.attempts=3"
})
class PasswordChangesTest {

    private static final String PASSWORD = "a long password";

    @Autowired
    PasswordChanges changes;

    @Autowired
    AccountService accounts;

    @Autowired
    SecurityLog log;

    private Account fresh() {
        return accounts.signUp("pw-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD);
    }

    @Test
    void aChangeIsLogged() {
        Account ada = fresh();

        changes.change(ada, PASSWORD, "another long password");

        assertThat(accounts.authenticate(ada.username(), "another long password")).contains(ada);
        assertThat(log.recent(10)).anySatisfy(entry -> {
            assertThat(entry.event()).isEqualTo(SecurityEvent.PASSWORD_CHANGED);
            assertThat(entry.accountId()).isEqualTo(ada.id());
        });
    }

    @Test
    void wrongCurrentPasswordsCountAsFailedLogInsAndAreThrottled() {
        Account bob = fresh();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> changes.change(bob, "guess", "another long password")).isInstanceOf(InvalidAccountException.class);
        }

        assertThatThrownBy(() -> changes.change(bob, PASSWORD, "another long password"))
                .isInstanceOfSatisfying(ThrottledException.class, e -> assertThat(e.getMessage())
                        .startsWith("Too many failed log-in attempts for this account. Try again in "));
        assertThat(accounts.authenticate(bob.username(), PASSWORD)).contains(bob);
        assertThat(log.recent(10)).filteredOn(entry -> bob.id().equals(entry.accountId()))
                .extracting(SecurityLogEntry::event).containsOnly(SecurityEvent.PASSWORD_CHANGE_FAILED).hasSize(4);
    }

    @Test
    void aNewPasswordBreakingTheRulesDoesNotCountAgainstTheLimit() {
        Account cy = fresh();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> changes.change(cy, PASSWORD, "short")).hasMessage("Password must be at least 8 characters");
        }

        changes.change(cy, PASSWORD, "another long password");

        assertThat(accounts.authenticate(cy.username(), "another long password")).contains(cy);
    }
}
