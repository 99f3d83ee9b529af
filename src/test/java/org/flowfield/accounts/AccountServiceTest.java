package org.flowfield.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Against the real H2 file database, migrated by Flyway. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/accounts-${random.uuid}",
    "flowfield.accounts.bcrypt-strength=4"
})
class AccountServiceTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    AccountService service;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRepository repository;

    /** A username no other test uses, since the tests share one database. */
    private static String freshUsername(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long storedAccounts() {
        return jdbc.sql("select count(*) from account").query(Long.class).single();
    }

    private long storedAccountsNamed(String username) {
        return jdbc.sql("select count(*) from account where lower(username) = :name")
                .param("name", username.toLowerCase(java.util.Locale.ROOT))
                .query(Long.class)
                .single();
    }

    private String storedHashOf(UUID id) {
        return jdbc.sql("select password_hash from account where id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void signUpStoresABcryptHashAndTheAccountCanAuthenticate() {
        String username = freshUsername("alice");
        Instant before = Instant.now();

        Account account = service.signUp(username, PASSWORD);

        assertThat(account.username()).isEqualTo(username);
        assertThat(account.createdAt()).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
        String hash = storedHashOf(account.id());
        assertThat(hash).startsWith("$2").doesNotContain(PASSWORD).isNotEqualTo(PASSWORD);
        assertThat(service.authenticate(username, PASSWORD)).contains(account);
        assertThat(service.findByUsername(username)).contains(account);
        assertThat(service.findById(account.id())).contains(account);
        assertThat(service.credentialsOf(username))
                .hasValueSatisfying(credentials -> {
                    assertThat(credentials.id()).isEqualTo(account.id());
                    assertThat(credentials.username()).isEqualTo(username);
                    assertThat(credentials.passwordHash()).isEqualTo(hash);
                });
    }

    @Test
    void usernamesAreCaseInsensitiveAndStoredInLowerCase() {
        String username = freshUsername("Carol");

        Account account = service.signUp("  " + username + " ", PASSWORD);

        assertThat(account.username()).isEqualTo(username.toLowerCase(java.util.Locale.ROOT));
        assertThat(service.authenticate(username.toUpperCase(java.util.Locale.ROOT), PASSWORD)).contains(account);
        assertThat(service.authenticate(" " + username + " ", PASSWORD)).contains(account);
        assertThat(service.findByUsername(username.toUpperCase(java.util.Locale.ROOT))).contains(account);
        assertThat(service.credentialsOf(username.toUpperCase(java.util.Locale.ROOT))).isPresent();
    }

    @Test
    void aWrongPasswordOrAnUnknownUserGivesNothing() {
        String username = freshUsername("dave");
        service.signUp(username, PASSWORD);

        assertThat(service.authenticate(username, PASSWORD + "!")).isEmpty();
        assertThat(service.authenticate(username, PASSWORD.toUpperCase(java.util.Locale.ROOT))).isEmpty();
        assertThat(service.authenticate(username, "")).isEmpty();
        assertThat(service.authenticate(username, null)).isEmpty();
        assertThat(service.authenticate(freshUsername("nobody"), PASSWORD)).isEmpty();
        assertThat(service.authenticate(null, PASSWORD)).isEmpty();
        assertThat(service.findByUsername(freshUsername("nobody"))).isEmpty();
        assertThat(service.findByUsername(null)).isEmpty();
        assertThat(service.findById(UUID.randomUUID())).isEmpty();
        assertThat(service.credentialsOf(freshUsername("nobody"))).isEmpty();
    }

    @Test
    void aPasswordLongerThanBcryptReadsNeverMatches() {
        String username = freshUsername("erin");
        String password = "p".repeat(72);
        service.signUp(username, password);

        assertThat(service.authenticate(username, password)).isPresent();
        assertThat(service.authenticate(username, password + "ignored by bcrypt")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NULL                                       | long enough | username | Username is required
            '   '                                      | long enough | username | Username is required
            ab                                         | long enough | username | Username must be 3 to 40 characters
            aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa  | long enough | username | Username must be 3 to 40 characters
            bad name                                   | long enough | username | Username may contain only letters, digits, '.', '_' and '-'
            émile                                      | long enough | username | Username may contain only letters, digits, '.', '_' and '-'
            frank                                      | NULL        | password | Password is required
            frank                                      | ''          | password | Password is required
            frank                                      | 1234567     | password | Password must be at least 8 characters
            frank                                      | aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | password | Password must be at most 72 bytes
            """)
    void anInvalidSignUpIsRejectedWithItsMessageAndStoresNothing(
            String username, String password, String field, String message) {
        long before = storedAccounts();

        assertThatThrownBy(() -> service.signUp(username, password))
                .isInstanceOfSatisfying(InvalidAccountException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).isEqualTo(message);
                });

        assertThat(storedAccounts()).isEqualTo(before);
    }

    @Test
    void aTooLongPasswordByCharactersIsRejected() {
        long before = storedAccounts();

        assertThatThrownBy(() -> service.signUp(freshUsername("gina"), "x".repeat(129)))
                .isInstanceOf(InvalidAccountException.class)
                .hasMessage("Password must be at most 128 characters");

        assertThat(storedAccounts()).isEqualTo(before);
    }

    @Test
    void aTakenUsernameIsRejectedInAnyCaseAndNotStoredTwice() {
        String username = freshUsername("heidi");
        Account first = service.signUp(username, PASSWORD);
        long before = storedAccounts();

        assertThatThrownBy(() -> service.signUp(username, "another password"))
                .isInstanceOf(UsernameTakenException.class)
                .hasMessage("The username '" + username + "' is taken");
        String shouted = username.toUpperCase(java.util.Locale.ROOT);
        assertThatThrownBy(() -> service.signUp(shouted, "another password"))
                .isInstanceOfSatisfying(UsernameTakenException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("The username '" + shouted + "' is taken");
                    assertThat(e.username()).isEqualTo(shouted);
                    assertThat(e.field()).isEqualTo("username");
                });

        assertThat(storedAccounts()).isEqualTo(before);
        assertThat(storedAccountsNamed(username)).isEqualTo(1);
        assertThat(service.authenticate(username, PASSWORD)).contains(first);
        assertThat(service.authenticate(username, "another password")).isEmpty();
    }

    @Test
    void concurrentSignUpsForOneUsernameCreateExactlyOneAccount() throws Exception {
        String username = freshUsername("ivan");
        int contenders = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            List<Future<Account>> results = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                // differently cased, so only the stored lower-case form can collide
                String typed = i % 2 == 0 ? username : username.toUpperCase(java.util.Locale.ROOT);
                Callable<Account> signUp = () -> {
                    start.await();
                    return service.signUp(typed, PASSWORD);
                };
                results.add(pool.submit(signUp));
            }
            start.countDown();

            int created = 0;
            int taken = 0;
            for (Future<Account> result : results) {
                try {
                    result.get(30, TimeUnit.SECONDS);
                    created++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(UsernameTakenException.class);
                    taken++;
                }
            }
            assertThat(created).isEqualTo(1);
            assertThat(taken).isEqualTo(contenders - 1);
            assertThat(storedAccountsNamed(username)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDatabaseReportsADuplicateUsernameAsADuplicateKey() {
        // what signUp relies on when a concurrent sign-up passes its existence check first
        String username = freshUsername("kim");
        repository.insert(new Account(UUID.randomUUID(), username, Instant.now()), "$2a$04$unused");

        assertThatThrownBy(() -> repository.insert(new Account(UUID.randomUUID(), username, Instant.now()), "$2a$04$unused"))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(storedAccountsNamed(username)).isEqualTo(1);
    }

    @Test
    void idsAreRandomUuidsAndDistinct() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            Account account = service.signUp(freshUsername("judy"), PASSWORD);
            assertThat(account.id().version()).as("random (version 4) UUID").isEqualTo(4);
            ids.add(account.id());
        }
        assertThat(ids).hasSize(5);
    }

    @Test
    void aPasswordChangeNeedsTheCurrentPasswordAndThenOnlyTheNewOneWorks() {
        String username = freshUsername("frank");
        Account account = service.signUp(username, PASSWORD);
        String before = storedHashOf(account.id());

        assertThatThrownBy(() -> service.changePassword(account.id(), "not the password", "a new long password"))
                .isInstanceOfSatisfying(InvalidAccountException.class, e -> {
                    assertThat(e.field()).isEqualTo(AccountRules.CURRENT_PASSWORD_FIELD);
                    assertThat(e.getMessage()).isEqualTo("The current password is wrong");
                });
        assertThat(storedHashOf(account.id())).isEqualTo(before);

        service.changePassword(account.id(), PASSWORD, "a new long password");

        assertThat(service.authenticate(username, "a new long password")).contains(account);
        assertThat(service.authenticate(username, PASSWORD)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "short       | Password must be at least 8 characters",
        "''          | Password is required"
    })
    void aNewPasswordFollowsTheRulesOfSignUp(String newPassword, String message) {
        Account account = service.signUp(freshUsername("gina"), PASSWORD);

        assertThatThrownBy(() -> service.changePassword(account.id(), PASSWORD, newPassword))
                .isInstanceOfSatisfying(InvalidAccountException.class, e -> {
                    assertThat(e.field()).isEqualTo(AccountRules.NEW_PASSWORD_FIELD);
                    assertThat(e.getMessage()).isEqualTo(message).isEqualTo(AccountValidator.passwordProblem(newPassword).orElseThrow());
                });
        assertThat(service.authenticate(account.username(), PASSWORD)).contains(account);
    }

    @Test
    void aNewPasswordTooLongForBcryptOrEqualToTheCurrentOneIsRefused() {
        Account account = service.signUp(freshUsername("hal"), PASSWORD);

        assertThatThrownBy(() -> service.changePassword(account.id(), PASSWORD, "é".repeat(40)))
                .hasMessage("Password must be at most 72 bytes");
        assertThatThrownBy(() -> service.changePassword(account.id(), PASSWORD, PASSWORD))
                .isInstanceOfSatisfying(InvalidAccountException.class, e -> {
                    assertThat(e.field()).isEqualTo(AccountRules.NEW_PASSWORD_FIELD);
                    assertThat(e.getMessage()).isEqualTo("The new password must differ from the current one");
                });
    }

    @Test
    void theReferenceAccountsPasswordCannotBeChanged() {
        UUID reference = service.referenceAccount();

        assertThatThrownBy(() -> service.changePassword(reference, "!", "a new long password"))
                .hasMessage("The current password is wrong");
        assertThatThrownBy(() -> service.changePassword(UUID.randomUUID(), PASSWORD, "a new long password"))
                .hasMessage("The current password is wrong");
    }
}
