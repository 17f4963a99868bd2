package dev.hallpass.infrastructure.web;

import dev.hallpass.problem.ProblemException;
import java.io.IOException;

/** Thrown while reading a request body that grows past the configured limit. */
public final class BodyTooLarge extends IOException {

    private final long limit;

    public BodyTooLarge(long limit) {
        super("The request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    ProblemException problem() {
        return problem(limit);
    }

    static ProblemException problem(long limit) {
        return ProblemException.of(413, "body-too-large", limit);
    }
}
