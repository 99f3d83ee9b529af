package org.flowfield.datasets;

import org.flowfield.accounts.AccountDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** An account being deleted takes its data sets with it. */
@Component
class DataSetsOfDeletedAccount {

    private final UserDataSets dataSets;

    DataSetsOfDeletedAccount(UserDataSets dataSets) {
        this.dataSets = dataSets;
    }

    @EventListener
    void accountDeleted(AccountDeleted deleted) {
        dataSets.deleteAllOf(deleted.accountId());
    }
}
