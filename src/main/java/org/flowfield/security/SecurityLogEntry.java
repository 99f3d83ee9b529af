package org.flowfield.security;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the {@link SecurityLog}.
 *
 * @param accountId the account it concerns; {@code null} when none is known (a failed log-in to
 *     a name no account has)
 * @param username the username as typed or stored, cut to {@value SecurityLog#USERNAME_WIDTH}
 *     characters; {@code null} when not known
 * @param address the client's address; {@code null} when not from a request
 * @param detail what else matters (e.g. "run 6f1c… shared with class …"), cut to {@value
 *     SecurityLog#DETAIL_WIDTH} characters
 */
public record SecurityLogEntry(Instant occurredAt, SecurityEvent event, UUID accountId, String username, String address, String detail) {}
