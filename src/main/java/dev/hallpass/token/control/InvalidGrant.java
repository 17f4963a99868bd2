package dev.hallpass.token.control;

import dev.hallpass.problem.ProblemException;

/**
 * 400 {@code invalid_grant}: the same answer for every refresh that fails, whatever the reason. The
 * reason is for this server's metrics only; the client never learns it.
 */
public final class InvalidGrant extends ProblemException {

    /** Why a refresh failed. */
    public enum Reason { MISSING, MALFORMED, UNKNOWN, EXPIRED, SESSION_ENDED, REUSED, REVOKED }

    private final transient Reason reason;

    public InvalidGrant(Reason reason) {
        super(400, "invalid-grant");
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String errorCode() {
        return "invalid_grant";
    }
}
