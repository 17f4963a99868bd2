package dev.hallpass.session.entity;

/** Where a session is in its life; every state but {@link #ACTIVE} is final. */
public enum SessionStatus {
    ACTIVE,
    LOGGED_OUT,
    EXPIRED,
    REPLACED,
    REVOKED
}
