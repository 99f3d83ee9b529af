package org.flowfield.security;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of what happened to accounts and what they share: a table ({@code security_event})
 * and the logger {@value #LOGGER}. Every feature that signs people in, changes who sees what, or
 * deletes, calls {@link #record}. Kept for {@code flowfield.security-log.retention} and at most
 * {@code flowfield.security-log.max-entries} rows (the oldest go first), pruned every {@value
 * #PRUNE_EVERY_MS} ms, so a flood of failed log-ins cannot fill the disk.
 */
@Service
public class SecurityLog {

    static final String LOGGER = "flowfield.security";
    static final int USERNAME_WIDTH = 40;
    static final int ADDRESS_WIDTH = 64;
    static final int DETAIL_WIDTH = 200;
    private static final long PRUNE_EVERY_MS = 600_000;

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;
    private final long maxEntries;

    SecurityLog(JdbcClient jdbc, Clock clock,
            @Value("${flowfield.security-log.retention}") Duration retention,
            @Value("${flowfield.security-log.max-entries}") long maxEntries) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
        this.maxEntries = maxEntries;
    }

    /** Records an event of a known account, not tied to a request (e.g. a run shared). */
    public void record(UUID accountId, SecurityEvent event, String detail) {
        record(event, accountId, null, null, detail);
    }

    /**
     * Records an event. Stored in its own transaction, so that it stays even when the caller's
     * work is rolled back (a refused attempt is what the log is for).
     *
     * @param accountId {@code null} when no account is known
     * @param username as typed or stored, {@code null} when not known; cut to fit
     * @param address the client's address, {@code null} when not from a request
     * @param detail free text, {@code null} for none; cut to fit
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(SecurityEvent event, UUID accountId, String username, String address, String detail) {
        SecurityLogEntry entry = new SecurityLogEntry(clock.instant().truncatedTo(ChronoUnit.MICROS), event, accountId,
                fit(username, USERNAME_WIDTH), fit(address, ADDRESS_WIDTH), fit(detail, DETAIL_WIDTH));
        jdbc.sql("insert into security_event (occurred_at, event, account_id, username, address, detail)"
                        + " values (:at, :event, :account, :username, :address, :detail)")
                .param("at", entry.occurredAt().atOffset(ZoneOffset.UTC))
                .param("event", event.name())
                .param("account", accountId)
                .param("username", entry.username())
                .param("address", entry.address())
                .param("detail", entry.detail())
                .update();
        log.info("{} account={} username={} address={} {}", event, accountId, entry.username(), entry.address(),
                entry.detail() == null ? "" : entry.detail());
    }

    /** The newest entries, newest first; at most {@code max}. */
    @Transactional(readOnly = true)
    public List<SecurityLogEntry> recent(int max) {
        return jdbc.sql("select occurred_at, event, account_id, username, address, detail from security_event"
                        + " order by id desc limit :max")
                .param("max", max)
                .query((row, n) -> new SecurityLogEntry(row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        SecurityEvent.valueOf(row.getString("event")), row.getObject("account_id", UUID.class),
                        row.getString("username"), row.getString("address"), row.getString("detail")))
                .list();
    }

    /** Deletes entries older than the retention, then the oldest beyond the row cap. */
    @Scheduled(initialDelay = 0, fixedDelay = PRUNE_EVERY_MS)
    @Transactional
    public void prune() {
        jdbc.sql("delete from security_event where occurred_at < :cutoff")
                .param("cutoff", clock.instant().minus(retention).atOffset(ZoneOffset.UTC))
                .update();
        jdbc.sql("select id from security_event order by id desc limit 1 offset :cap")
                .param("cap", maxEntries - 1)
                .query(Long.class)
                .optional()
                .ifPresent(oldestKept -> jdbc.sql("delete from security_event where id < :id").param("id", oldestKept).update());
    }

    /** Cut to the column's width, with line breaks and other control characters made visible. */
    private static String fit(String text, int width) {
        if (text == null) {
            return null;
        }
        String flat = text.length() > width ? text.substring(0, width) : text;
        StringBuilder visible = new StringBuilder(flat.length());
        flat.codePoints().forEach(c -> visible.append(Character.isISOControl(c) ? "?" : Character.toString(c)));
        String result = visible.toString();
        return result.length() > width ? result.substring(0, width) : result;
    }
}
