package org.flowfield.accounts;

import java.util.UUID;

/**
 * An account is being deleted: published inside the deleting transaction, before its row goes, so
 * that every feature removes what the account owns in that same transaction (listeners that throw
 * roll the whole deletion back). Listeners that act once it is done use
 * {@code @TransactionalEventListener}.
 */
public record AccountDeleted(UUID accountId, String username) {}
