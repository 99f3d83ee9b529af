package org.flowfield.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.flowfield.accounts.AccountService;
import org.flowfield.flows.ModelFamily;
import org.flowfield.security.SecurityEvent;
import org.flowfield.security.SecurityLog;
import org.flowfield.security.SecurityLogEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** Sharing changes and revoked links end up in the security log (same set-up as AccessMatrixTest). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/access-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4"
})
class SharingIsLoggedTest {

    @Autowired AccountService accounts;
    @Autowired RunSharingService sharing;
    @Autowired SecurityLog log;
    @Autowired ApplicationContext context;

    @Test
    void eachChangeAndEachRevokedLinkIsRecordedForTheOwner() {
        UUID owner = accounts.signUp("sharer-" + UUID.randomUUID().toString().substring(0, 8), "a long password").id();
        Run run = FinishedRuns.copyOfReference(context, ModelFamily.NORMALIZING_FLOW, owner, "shared");

        sharing.shareByLink(owner, run.id());
        sharing.makePrivate(owner, run.id());

        List<SecurityLogEntry> mine = log.recent(50).stream().filter(entry -> owner.equals(entry.accountId())).toList();
        assertThat(mine).extracting(SecurityLogEntry::event)
                .containsExactly(SecurityEvent.SHARING_CHANGED, SecurityEvent.SHARE_LINK_REVOKED, SecurityEvent.SHARING_CHANGED);
        assertThat(mine.get(0).detail()).isEqualTo("run " + run.id() + " PRIVATE");
        assertThat(mine.get(2).detail()).isEqualTo("run " + run.id() + " LINK");
    }
}
