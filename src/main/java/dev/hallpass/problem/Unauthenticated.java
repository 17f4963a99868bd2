package dev.hallpass.problem;

/** 401: this needs a logged-in caller and there is none (no cookie, or a dead session). */
public final class Unauthenticated extends ProblemException {

    public Unauthenticated() {
        super(401, "unauthenticated");
    }
}
