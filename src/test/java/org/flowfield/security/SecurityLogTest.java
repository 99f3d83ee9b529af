package org.flowfield.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/security-log-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4",
    "flowfield.security-log.max-entries=20",
    "flowfield.security-log.retention=30d"
})
class SecurityLogTest {

    @Autowired
    SecurityLog log;

    @Autowired
    JdbcClient jdbc;

    private long rows() {
        return jdbc.sql("select count(*) from security_event").query(Long.class).single();
    }

    @Test
    void anEntryIsStoredWithWhatWasGivenCutToFitAndOnOneLine() {
        UUID account = UUID.randomUUID();

        log.record(SecurityEvent.LOG_IN_FAILED, account, "x".repeat(5000), "203.0.113.9", "line one\nforged line");

        SecurityLogEntry entry = log.recent(1).getFirst();
        assertThat(entry.event()).isEqualTo(SecurityEvent.LOG_IN_FAILED);
        assertThat(entry.accountId()).isEqualTo(account);
        assertThat(entry.username()).isEqualTo("x".repeat(SecurityLog.USERNAME_WIDTH));
        assertThat(entry.address()).isEqualTo("203.0.113.9");
        assertThat(entry.detail()).isEqualTo("line one?forged line");
        assertThat(entry.occurredAt()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
    }

    @Test
    void pruningKeepsTheNewestEntriesUpToTheCapAndDropsOldOnes() {
        jdbc.sql("insert into security_event (occurred_at, event) values (:at, 'LOG_IN')")
                .param("at", Instant.now().minus(31, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC)).update();
        for (int i = 0; i < 30; i++) {
            log.record(UUID.randomUUID(), SecurityEvent.SHARING_CHANGED, "entry " + i);
        }

        log.prune();

        assertThat(rows()).isEqualTo(20);
        assertThat(log.recent(20)).extracting(SecurityLogEntry::detail).first().isEqualTo("entry 29");
        assertThat(log.recent(20)).extracting(SecurityLogEntry::detail).last().isEqualTo("entry 10");

        jdbc.sql("update security_event set occurred_at = :at where detail = 'entry 10'")
                .param("at", Instant.now().minus(31, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC)).update();
        log.prune();

        assertThat(rows()).isEqualTo(19);
        assertThat(log.recent(20)).extracting(SecurityLogEntry::detail).doesNotContain("entry 10");
    }
}
