package org.flowfield.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpSessionEvent;
import java.util.UUID;
import org.flowfield.accounts.AccountDeletion;
import org.flowfield.accounts.AccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** A deleted account's sessions end as soon as the deletion is committed; nobody else's do. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/privacy-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4",
    "flowfield.runs.max-stored-per-account=3"
})
class LoggedInSessionsTest {

    @Autowired AccountService accounts;
    @Autowired AccountDeletion deletion;
    @Autowired LoggedInSessions sessions;
    @Autowired SecurityLog log;

    /** A session of the container's, logged in as Spring Security stores it. */
    private MockHttpSession loggedIn(String username) {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(username, null, AuthorityUtils.createAuthorityList("ROLE_USER"))));
        sessions.sessionCreated(new HttpSessionEvent(session));
        return session;
    }

    @Test
    void deletingAnAccountEndsEachOfItsSessions() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        UUID leaving = accounts.signUp("leaving-" + suffix, "a long password").id();
        accounts.signUp("staying-" + suffix, "a long password");
        MockHttpSession laptop = loggedIn("leaving-" + suffix);
        MockHttpSession phone = loggedIn("leaving-" + suffix);
        MockHttpSession someoneElse = loggedIn("staying-" + suffix);
        MockHttpSession anonymous = new MockHttpSession();
        sessions.sessionCreated(new HttpSessionEvent(anonymous));

        deletion.delete(leaving, "a long password");

        assertThat(laptop.isInvalid()).isTrue();
        assertThat(phone.isInvalid()).isTrue();
        assertThat(someoneElse.isInvalid()).isFalse();
        assertThat(anonymous.isInvalid()).isFalse();
        assertThat(log.recent(50)).anySatisfy(entry -> {
            assertThat(entry.event()).isEqualTo(SecurityEvent.DELETED);
            assertThat(entry.accountId()).isEqualTo(leaving);
            assertThat(entry.detail()).contains("2 session(s) ended");
        });
    }

    @Test
    void aRefusedDeletionEndsNoSession() {
        String name = "kept-" + UUID.randomUUID().toString().substring(0, 8);
        UUID kept = accounts.signUp(name, "a long password").id();
        MockHttpSession session = loggedIn(name);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> deletion.delete(kept, "wrong password"));

        assertThat(session.isInvalid()).isFalse();
    }
}
