package dev.hallpass.problem;

/** 403: the caller is known but may not do this. */
public final class Forbidden extends ProblemException {

    public Forbidden(String detail) {
        super(403, "Forbidden", detail);
    }
}
