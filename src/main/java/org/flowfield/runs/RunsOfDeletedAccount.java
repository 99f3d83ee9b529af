package org.flowfield.runs;

import org.flowfield.accounts.AccountDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** An account being deleted takes its runs (rows and files) and its share-link grants with it. */
@Component
class RunsOfDeletedAccount {

    private final RunDeletion deletion;
    private final RunRepository runs;

    RunsOfDeletedAccount(RunDeletion deletion, RunRepository runs) {
        this.deletion = deletion;
        this.runs = runs;
    }

    @EventListener
    void accountDeleted(AccountDeleted deleted) {
        deletion.deleteAllOf(deleted.accountId());
        runs.deleteLinkGrantsOf(deleted.accountId());
    }
}
