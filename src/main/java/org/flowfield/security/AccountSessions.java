package org.flowfield.security;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.flowfield.accounts.AccountDeleted;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The server's open sessions, so that a deleted account's sessions end (every browser it is logged
 * in on is logged out) as soon as its deletion is committed. The servlet container reports each
 * session's start and end.
 */
@Component
class AccountSessions implements HttpSessionListener {

    private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        sessions.put(event.getSession().getId(), event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.remove(event.getSession().getId());
    }

    @TransactionalEventListener
    void accountDeleted(AccountDeleted deleted) {
        for (HttpSession session : sessions.values()) {
            try {
                if (deleted.username().equals(username(session))) {
                    sessions.remove(session.getId());
                    session.invalidate();
                }
            } catch (IllegalStateException alreadyInvalidated) {
                sessions.remove(session.getId());
            }
        }
    }

    private static String username(HttpSession session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        Authentication authentication = context instanceof SecurityContext security ? security.getAuthentication() : null;
        return authentication == null ? null : authentication.getName();
    }
}
