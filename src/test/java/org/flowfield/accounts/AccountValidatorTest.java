package org.flowfield.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountValidatorTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void aMissingUsernameIsRequired(String username) {
        assertThat(AccountValidator.usernameProblem(username)).contains("Username is required");
    }

    @Test
    void usernamesHave3To40Characters() {
        String message = "Username must be 3 to 40 characters";
        assertThat(AccountValidator.usernameProblem("ab")).contains(message);
        assertThat(AccountValidator.usernameProblem("abc")).isEmpty();
        assertThat(AccountValidator.usernameProblem("a".repeat(40))).isEmpty();
        assertThat(AccountValidator.usernameProblem("a".repeat(41))).contains(message);
        assertThat(AccountValidator.usernameProblem("  ab  ")).as("counted once stripped").contains(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"al ice", "alice!", "al@ice", "élise", "alice/bob", "ali\u0000ce", "ＡＢＣ"})
    void usernamesUseOnlyAsciiLettersDigitsDotUnderscoreAndHyphen(String username) {
        assertThat(AccountValidator.usernameProblem(username))
                .contains("Username may contain only letters, digits, '.', '_' and '-'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "Alice.B", "a_b-c.9", "007", "...", "  bob  "})
    void acceptableUsernames(String username) {
        assertThat(AccountValidator.usernameProblem(username)).isEmpty();
    }

    @Test
    void usernamesAreStoredStrippedInLowerCase() {
        assertThat(AccountRules.normalizeUsername("  Alice.B ")).isEqualTo("alice.b");
        assertThat(AccountRules.normalizeUsername("IIIi")).as("independent of the default locale").isEqualTo("iiii");
        assertThat(AccountRules.normalizeUsername(null)).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingPasswordIsRequired(String password) {
        assertThat(AccountValidator.passwordProblem(password)).contains("Password is required");
    }

    @Test
    void passwordsHaveAtLeast8Characters() {
        assertThat(AccountValidator.passwordProblem("1234567")).contains("Password must be at least 8 characters");
        assertThat(AccountValidator.passwordProblem("12345678")).isEmpty();
        assertThat(AccountValidator.passwordProblem("        ")).as("taken as typed, spaces count").isEmpty();
        assertThat(AccountValidator.passwordProblem("😀😀😀😀😀😀😀"))
                .as("characters are code points, not UTF-16 units")
                .contains("Password must be at least 8 characters");
    }

    @Test
    void passwordsHaveAtMost72Bytes() {
        String message = "Password must be at most 72 bytes";
        assertThat(AccountValidator.passwordProblem("a".repeat(72))).isEmpty();
        assertThat(AccountValidator.passwordProblem("a".repeat(73))).contains(message);
        String euros = "€".repeat(24);
        assertThat(euros.getBytes(StandardCharsets.UTF_8)).hasSize(72);
        assertThat(AccountValidator.passwordProblem(euros)).isEmpty();
        assertThat(AccountValidator.passwordProblem(euros + "a")).as("25 characters, 73 bytes").contains(message);
    }

    @Test
    void passwordsHaveAtMost128Characters() {
        assertThat(AccountValidator.passwordProblem("a".repeat(129))).contains("Password must be at most 128 characters");
    }

    @Test
    void requireValidChecksTheUsernameFirstAndNamesTheField() {
        assertThatThrownBy(() -> AccountValidator.requireValid("x", "short"))
                .isInstanceOfSatisfying(InvalidAccountException.class, e -> {
                    assertThat(e.field()).isEqualTo("username");
                    assertThat(e.getMessage()).isEqualTo("Username must be 3 to 40 characters");
                });
        assertThatThrownBy(() -> AccountValidator.requireValid("xavier", "short"))
                .isInstanceOfSatisfying(InvalidAccountException.class, e -> {
                    assertThat(e.field()).isEqualTo("password");
                    assertThat(e.getMessage()).isEqualTo("Password must be at least 8 characters");
                });
        assertThat(AccountValidator.requireValid(" Xavier ", "long enough")).isEqualTo("xavier");
    }

    @Test
    void credentialsNeverPrintTheHash() {
        AccountCredentials credentials = new AccountCredentials(java.util.UUID.randomUUID(), "alice", "$2a$04$secret");
        assertThat(credentials.toString()).doesNotContain("secret").contains("alice");
    }
}
