package org.flowfield.admin;

/** What disabling an account stopped: its waiting and started runs, and its open sessions on this server. */
public record AccountDisabling(String username, int runsCancelled, int sessionsEnded) {}
