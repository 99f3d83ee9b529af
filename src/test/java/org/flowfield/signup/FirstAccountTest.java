package org.flowfield.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flowfield.accounts.AccountService;
import org.flowfield.classrooms.InvalidClassroomException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An invite-only server that nobody has signed up on yet (a fresh `./mvnw spring-boot:run`): its
 * first account needs no code, so that someone can create the first class; the next one does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/first-account-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4",
    "flowfield.sign-up.mode=invite"
})
class FirstAccountTest {

    @Autowired SignUpService signUps;
    @Autowired AccountService accounts;

    @Test
    void theFirstAccountNeedsNoInviteCodeAndTheSecondDoes() {
        assertThat(accounts.anyoneSignedUp()).isFalse();

        signUps.signUp("first-student", "a long password", "", "10.9.0.1");

        assertThat(accounts.findByUsername("first-student")).isPresent();
        assertThatThrownBy(() -> signUps.signUp("second-student", "a long password", "", "10.9.0.2"))
                .isInstanceOf(InvalidClassroomException.class).hasMessage("Enter the class's invite code.");
        assertThat(accounts.findByUsername("second-student")).isEmpty();
    }
}
