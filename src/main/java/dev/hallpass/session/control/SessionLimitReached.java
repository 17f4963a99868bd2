package dev.hallpass.session.control;

import dev.hallpass.problem.ProblemException;

/** 409: the login would go over a session limit and the policy is {@code reject}. */
public final class SessionLimitReached extends ProblemException {

    /** Whose limit: the user's or the client address's. */
    public enum Scope { USER, IP }

    public SessionLimitReached(Scope scope, int limit) {
        super(409, scope == Scope.USER ? "session-limit-user" : "session-limit-ip", limit);
    }
}
