package org.flowfield.security;

import org.flowfield.accounts.AccountDeleted;
import org.springframework.transaction.event.TransactionalEventListener;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * This server's open HTTP sessions (registered with the servlet container as a session listener),
 * so that disabling or deleting an account ends the sessions it is logged in with: each is
 * invalidated, which logs it out and closes its Vaadin pages. The user of a session is the one
 * Spring Security stored in it at log-in. A deletion ends them once it is committed, and is written
 * to the security log then.
 */
@Component
public class LoggedInSessions implements HttpSessionListener, HttpSessionIdListener {

    private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        sessions.put(event.getSession().getId(), event.getSession());
    }

    /** Log-in gives the session a new id (against session fixation). */
    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        sessions.remove(oldSessionId);
        sessions.put(event.getSession().getId(), event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.remove(event.getSession().getId());
    }

    private final SecurityLog log;

    LoggedInSessions(SecurityLog log) {
        this.log = log;
    }

    @TransactionalEventListener
    void accountDeleted(AccountDeleted deleted) {
        int ended = endSessionsOf(deleted.username());
        log.record(SecurityEvent.DELETED, deleted.accountId(), deleted.username(), null,
                "account and everything it owned; " + ended + " session(s) ended");
    }

    /** Ends every session logged in as this user; returns how many it ended. */
    public int endSessionsOf(String username) {
        List<HttpSession> ofUser = sessions.values().stream().filter(session -> username.equals(userOf(session))).toList();
        int ended = 0;
        for (HttpSession session : ofUser) {
            sessions.remove(session.getId());
            try {
                session.invalidate();
                ended++;
            } catch (IllegalStateException alreadyInvalidated) {
                // it ended on its own meanwhile
            }
        }
        return ended;
    }

    private static String userOf(HttpSession session) {
        try {
            Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            Authentication authentication = context instanceof SecurityContext security ? security.getAuthentication() : null;
            return authentication == null ? null : authentication.getName();
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }
}
