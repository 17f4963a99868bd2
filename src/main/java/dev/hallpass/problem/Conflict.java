package dev.hallpass.problem;

/** 409: the request is understood but clashes with the state it would change. */
public final class Conflict extends ProblemException {

    public Conflict(String title, String detail) {
        super(409, title, detail);
    }
}
