package org.flowfield.security;

/** What the {@link SecurityLog} records. */
public enum SecurityEvent {
    LOG_IN,
    LOG_IN_FAILED,
    LOG_IN_THROTTLED,
    SIGN_UP,
    SIGN_UP_THROTTLED,
    PASSWORD_CHANGED,
    PASSWORD_CHANGE_FAILED,
    SHARING_CHANGED,
    SHARE_LINK_REVOKED,
    DELETED,
    ACCOUNT_DISABLED,
    ACCOUNT_ENABLED,
    LIMIT_CHANGED,
    ACCESS_TOKEN_CREATED,
    ACCESS_TOKEN_REVOKED
}
