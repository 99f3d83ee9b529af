package org.flowfield.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowfield.accounts.Account;
import org.flowfield.accounts.AccountService;
import org.flowfield.classrooms.Classroom;
import org.flowfield.classrooms.ClassroomService;
import org.flowfield.classrooms.InvalidClassroomException;
import org.flowfield.security.LimitSettings;
import org.flowfield.security.LimitedAction;
import org.flowfield.security.RateLimit;
import org.flowfield.security.SecurityEvent;
import org.flowfield.security.SecurityLog;
import org.flowfield.security.ThrottledException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Invite-only sign-up, as a hosted server runs it, against the real H2 database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/signup-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4",
    "flowfield.sign-up.mode=invite",
    "flowfield.sign-up.instructor-code=staff only 7Q2",
    "flowfield.limits.sign-up-per-address.attempts=3"
})
class SignUpServiceTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private static final String PASSWORD = "a long password";

    @Autowired
    SignUpService signUps;

    @Autowired
    AccountService accounts;

    @Autowired
    ClassroomService classrooms;

    @Autowired
    SecurityLog log;

    @Autowired
    LimitSettings limits;

    /** Each test signs up from addresses of its own, so that the per-address limit of one does not touch another. */
    private static String freshAddress() {
        int n = ADDRESSES.getAndIncrement();
        return "10.1." + (n / 250) + "." + (1 + n % 250);
    }

    private static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Classroom aClass() {
        Account instructor = accounts.signUp(fresh("teacher"), PASSWORD);
        return classrooms.create(instructor.id(), "Flows");
    }

    @Test
    void withoutAnInviteCodeNoAccountIsCreated() {
        accounts.signUp(fresh("first"), PASSWORD);
        String name = fresh("ada");

        assertThatThrownBy(() -> signUps.signUp(name, PASSWORD, "  ", freshAddress()))
                .isInstanceOf(InvalidClassroomException.class).hasMessage("Enter the class's invite code.");
        assertThat(signUps.mode()).isEqualTo(SignUpMode.INVITE);
        assertThat(accounts.findByUsername(name)).isEmpty();
    }

    @Test
    void aClassesInviteCodeCreatesTheAccountInThatClassAndIsLogged() {
        Classroom flows = aClass();
        String name = fresh("bob");

        Account bob = signUps.signUp(name, PASSWORD, flows.inviteCode().toLowerCase(java.util.Locale.ROOT).replace("-", " "), freshAddress());

        assertThat(accounts.authenticate(name, PASSWORD)).contains(bob);
        assertThat(classrooms.isMember(bob.id(), flows.id())).isTrue();
        assertThat(log.recent(20)).anySatisfy(entry -> {
            assertThat(entry.event()).isEqualTo(SecurityEvent.SIGN_UP);
            assertThat(entry.accountId()).isEqualTo(bob.id());
            assertThat(entry.detail()).isEqualTo("joined class " + flows.id());
        });
    }

    @Test
    void anUnknownOrOverlongCodeIsRefusedWithoutBeingRepeated() {
        String name = fresh("cy");
        String huge = "K".repeat(1024 * 1024);

        assertThatThrownBy(() -> signUps.signUp(name, PASSWORD, huge, freshAddress()))
                .isInstanceOf(InvalidClassroomException.class)
                .hasMessage("An invite code has at most " + ClassroomService.MAX_INVITE_CODE_LENGTH + " characters.");
        assertThatThrownBy(() -> signUps.signUp(name, PASSWORD, "ZZZZ-ZZZZ-ZZZZ-ZZZ9", freshAddress()))
                .isInstanceOf(InvalidClassroomException.class)
                .hasMessage("No class has this invite code.");
        assertThat(accounts.findByUsername(name)).isEmpty();
    }

    @Test
    void theInstructorCodeCreatesAnAccountInNoClass() {
        String name = fresh("dee");

        Account dee = signUps.signUp(name, PASSWORD, " staff only 7Q2 ", freshAddress());

        assertThat(classrooms.listMine(dee.id())).isEmpty();
        assertThatThrownBy(() -> signUps.signUp(fresh("eve"), PASSWORD, "staff only 7Q", freshAddress()))
                .hasMessage("No class has this invite code.");
    }

    @Test
    void anAddressGetsThreeAttemptsThenIsToldWhenToTryAgain() {
        Classroom flows = aClass();
        String address = freshAddress();
        signUps.signUp(fresh("f1"), PASSWORD, flows.inviteCode(), address);
        assertThatThrownBy(() -> signUps.signUp(fresh("f2"), PASSWORD, "WRONG", address)).isInstanceOf(InvalidClassroomException.class);
        signUps.signUp(fresh("f3"), PASSWORD, flows.inviteCode(), address);
        String refused = fresh("f4");

        assertThatThrownBy(() -> signUps.signUp(refused, PASSWORD, flows.inviteCode(), address))
                .isInstanceOfSatisfying(ThrottledException.class, e -> {
                    assertThat(e.getMessage()).startsWith("Too many sign-ups from your address. Try again in ").endsWith(" minutes.");
                    assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(20));
                });
        assertThat(accounts.findByUsername(refused)).isEmpty();
        assertThat(log.recent(20)).anySatisfy(entry -> {
            assertThat(entry.event()).isEqualTo(SecurityEvent.SIGN_UP_THROTTLED);
            assertThat(entry.address()).isEqualTo(address);
        });
        signUps.signUp(fresh("f5"), PASSWORD, flows.inviteCode(), freshAddress());
    }

    @Test
    void theServerWideLimitCountsEveryAddress() {
        Classroom flows = aClass();
        RateLimit configured = limits.get(LimitedAction.SIGN_UP_PER_SERVER);
        limits.set(LimitedAction.SIGN_UP_PER_SERVER, new RateLimit(1, Duration.ofDays(1)));
        try {
            assertThatThrownBy(() -> {
                signUps.signUp(fresh("g1"), PASSWORD, flows.inviteCode(), freshAddress());
                signUps.signUp(fresh("g2"), PASSWORD, flows.inviteCode(), freshAddress());
            }).isInstanceOfSatisfying(ThrottledException.class,
                    e -> assertThat(e.getMessage()).startsWith("Too many sign-ups on this server. Try again in "));
        } finally {
            limits.set(LimitedAction.SIGN_UP_PER_SERVER, configured);
        }
    }
}
