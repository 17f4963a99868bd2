package dev.hallpass.problem;

/** 409: the request is understood but clashes with the state it would change. */
public final class Conflict extends ProblemException {

    /** Title {@code key.title}, detail {@code key.detail} of the problems bundle. */
    public Conflict(String key, Object... arguments) {
        super(409, key, arguments);
    }
}
