package dev.hallpass.session.entity;

/** Why a session ended; each reason implies the final status the session is left in. */
public enum EndReason {
    LOGOUT(SessionStatus.LOGGED_OUT),
    /** The user logged out everywhere at once. */
    LOGOUT_ALL(SessionStatus.LOGGED_OUT),
    IDLE_TIMEOUT(SessionStatus.EXPIRED),
    ABSOLUTE_TIMEOUT(SessionStatus.EXPIRED),
    /** A new login in the same browser replaced it: the pre-login secret must die (fixation). */
    REPLACED_BY_LOGIN(SessionStatus.REPLACED),
    /** An administrator disabled the account. */
    ACCOUNT_DISABLED(SessionStatus.REVOKED),
    /** The password changed: whatever logged in with the old one ends. */
    PASSWORD_CHANGED(SessionStatus.REVOKED),
    /** A spent refresh token was used again: the session is taken to be stolen. */
    REFRESH_TOKEN_REUSE(SessionStatus.REVOKED),
    /** A cookie secret replaced by rotation was used after the overlap while its successor was in use: stolen. */
    SESSION_SECRET_REUSE(SessionStatus.REVOKED),
    /** A new login needed room under the per-user or per-IP limit and this was the oldest session. */
    EVICTED(SessionStatus.REVOKED),
    /** An administrator (or the user, from another device) ended it. */
    KILLED(SessionStatus.REVOKED),
    /** A request came from another IP address while IP binding was strict. */
    IP_CHANGED(SessionStatus.REVOKED),
    /** A request came with another user agent while user-agent binding was strict. */
    USER_AGENT_CHANGED(SessionStatus.REVOKED),
    /** The account's roles changed: a session must never carry privileges it was not started with. */
    PRIVILEGE_CHANGED(SessionStatus.REVOKED);

    private final SessionStatus status;

    EndReason(SessionStatus status) {
        this.status = status;
    }

    public SessionStatus status() {
        return status;
    }
}
