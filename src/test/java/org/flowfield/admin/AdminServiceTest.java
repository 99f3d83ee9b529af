package org.flowfield.admin;

import org.flowfield.security.LoggedInSessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpSessionEvent;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.flowfield.accounts.AccountService;
import org.flowfield.api.tokens.AccessTokenService;
import org.flowfield.api.tokens.DisabledAccountException;
import org.flowfield.flows.ModelFamily;
import org.flowfield.queue.QueueFullException;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunNotFoundException;
import org.flowfield.runs.RunService;
import org.flowfield.runs.RunStatus;
import org.flowfield.runs.settings.RunPresets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** The administration's service: only administrators get anything, and what they change takes effect at once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/admin-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4",
    "flowfield.admin.accounts=Root-Admin, second-admin"
})
class AdminServiceTest {

    static final String PASSWORD = "a long password";

    @Autowired AdminService admin;
    @Autowired AccountService accounts;
    @Autowired RunService runs;
    @Autowired AccessTokenService tokens;
    @Autowired LoggedInSessions sessions;
    @Autowired AuthenticationConfiguration authentication;

    UUID root;
    UUID student;
    String studentName;

    @BeforeEach
    void people() {
        root = accounts.findByUsername("root-admin").orElseGet(() -> accounts.signUp("root-admin", PASSWORD)).id();
        studentName = "student-" + UUID.randomUUID().toString().substring(0, 8);
        student = accounts.signUp(studentName, PASSWORD).id();
    }

    private Run queue(UUID owner) {
        return runs.queue(owner, RunPresets.smoke(ModelFamily.FLOW_MATCHING));
    }

    private boolean logsIn(String username) throws Exception {
        AuthenticationManager manager = authentication.getAuthenticationManager();
        try {
            return manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, PASSWORD)).isAuthenticated();
        } catch (BadCredentialsException refused) {
            return false;
        }
    }

    @Test
    void someoneWhoIsNotAnAdministratorIsRefusedEverything() {
        Run run = queue(student);
        List<Consumer<UUID>> calls = List.of(
                caller -> admin.queue(caller),
                caller -> admin.cancel(caller, run.id()),
                caller -> admin.accounts(caller),
                caller -> admin.disable(caller, root),
                caller -> admin.enable(caller, student),
                caller -> admin.limits(caller),
                caller -> admin.changeLimit(caller, "flowfield.queue.slots", 1));
        for (Consumer<UUID> call : calls) {
            assertThatThrownBy(() -> call.accept(student)).isInstanceOf(NotAdministratorException.class)
                    .hasMessage("Only an administrator can do this");
            assertThatThrownBy(() -> call.accept(UUID.randomUUID())).isInstanceOf(NotAdministratorException.class);
        }
        assertThat(admin.isAdministrator(student)).isFalse();
        assertThat(admin.isAdministrator(root)).isTrue();
        assertThat(runs.find(student, run.id()).orElseThrow().status()).isEqualTo(RunStatus.QUEUED);
    }

    @Test
    void theAdministratorSeesEveryonesWaitingRunsInStartOrderAndCancelsAny() {
        UUID other = accounts.signUp("other-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD).id();
        Run first = queue(student);
        Run second = queue(student);
        Run theirs = queue(other);

        QueueOverview overview = admin.queue(root);

        List<UUID> waiting = overview.waiting().stream().map(Run::id).toList();
        assertThat(waiting).containsSubsequence(first.id(), second.id()).contains(theirs.id());
        assertThat(waiting.indexOf(theirs.id())).as("users take turns").isLessThan(waiting.indexOf(second.id()));
        assertThat(overview.ownerOf(theirs)).startsWith("other-");

        Run cancelled = admin.cancel(root, theirs.id());

        assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(admin.queue(root).waiting()).extracting(Run::id).doesNotContain(theirs.id());
        assertThatThrownBy(() -> admin.cancel(root, UUID.randomUUID())).isInstanceOf(RunNotFoundException.class);
    }

    @Test
    void disablingAnAccountStopsItsRunsEndsItsSessionsAndRefusesItsLogInAndTokens() throws Exception {
        Run first = queue(student);
        Run second = queue(student);
        String secret = tokens.create(student, "notebook").secret();
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(studentName, null, AuthorityUtils.createAuthorityList("ROLE_USER"))));
        MockHttpSession someoneElses = new MockHttpSession();
        sessions.sessionCreated(new HttpSessionEvent(session));
        sessions.sessionCreated(new HttpSessionEvent(someoneElses));
        assertThat(logsIn(studentName)).isTrue();
        assertThat(tokens.authenticate(secret)).isPresent();

        AccountDisabling disabled = admin.disable(root, student);

        assertThat(disabled).isEqualTo(new AccountDisabling(studentName, 2, 1));
        assertThat(runs.find(student, first.id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(runs.find(student, second.id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(session.isInvalid()).isTrue();
        assertThat(someoneElses.isInvalid()).isFalse();
        assertThat(logsIn(studentName)).isFalse();
        assertThatThrownBy(() -> tokens.authenticate(secret)).isInstanceOf(DisabledAccountException.class);
        assertThat(admin.accounts(root)).filteredOn(listed -> listed.account().id().equals(student))
                .singleElement().matches(listed -> listed.disabled());

        admin.enable(root, student);

        assertThat(logsIn(studentName)).isTrue();
        assertThat(tokens.authenticate(secret)).isPresent();
    }

    @Test
    void anAdministratorCannotBeDisabledNorAnAccountThatDoesNotExist() {
        UUID second = accounts.findByUsername("second-admin").orElseGet(() -> accounts.signUp("Second-Admin", PASSWORD)).id();

        assertThatThrownBy(() -> admin.disable(root, second)).isInstanceOf(InvalidAccountChangeException.class)
                .hasMessage("second-admin is an administrator: remove the account from flowfield.admin.accounts to disable it");
        assertThatThrownBy(() -> admin.disable(root, root)).isInstanceOf(InvalidAccountChangeException.class);
        UUID nobody = UUID.randomUUID();
        assertThatThrownBy(() -> admin.disable(root, nobody)).isInstanceOf(InvalidAccountChangeException.class)
                .hasMessage("There is no account with id " + nobody);
        assertThatThrownBy(() -> admin.disable(root, AccountService.REFERENCE_ACCOUNT_ID)).isInstanceOf(InvalidAccountChangeException.class);
        assertThat(admin.isAdministrator(second)).isTrue();
    }

    @Test
    void aChangedQueueLimitTakesEffectAtOnceAndABadValueChangesNothing() {
        long before = admin.limits(root).stream().filter(limit -> limit.name().equals("flowfield.queue.max-queued-per-user"))
                .findFirst().orElseThrow().value();
        try {
            LimitValue changed = admin.changeLimit(root, "flowfield.queue.max-queued-per-user", 1);
            assertThat(changed.value()).isEqualTo(1);
            queue(student);
            assertThatThrownBy(() -> queue(student)).isInstanceOf(QueueFullException.class)
                    .hasMessage("You already have 1 run waiting in the queue (the limit is 1). Wait for one to start or cancel one.");

            admin.changeLimit(root, "flowfield.queue.max-queued-per-user", 2);
            assertThat(queue(student).status()).isEqualTo(RunStatus.QUEUED);

            assertThatThrownBy(() -> admin.changeLimit(root, "flowfield.queue.max-queued-per-user", 0))
                    .isInstanceOf(InvalidLimitException.class).hasMessage("Waiting runs per user must be between 1 and 100");
            assertThatThrownBy(() -> admin.changeLimit(root, "flowfield.queue.slots", 100_000))
                    .isInstanceOf(InvalidLimitException.class).hasMessage("Training runs at once (all users) must be between 1 and 1,024");
            assertThatThrownBy(() -> admin.changeLimit(root, "no.such.limit", 3))
                    .isInstanceOf(InvalidLimitException.class).hasMessage("There is no limit named 'no.such.limit'");
            assertThat(admin.limits(root)).filteredOn(limit -> limit.name().equals("flowfield.queue.max-queued-per-user"))
                    .singleElement().extracting(LimitValue::value).isEqualTo(2L);
        } finally {
            admin.changeLimit(root, "flowfield.queue.max-queued-per-user", before);
        }
    }
}
