package dev.hallpass.infrastructure.web;

import dev.hallpass.problem.Problem;
import java.io.IOException;

/** Thrown while reading a request body that grows past the configured limit. */
public final class BodyTooLarge extends IOException {

    public BodyTooLarge(long limit) {
        super("The request body is larger than " + limit + " bytes");
    }

    static Problem problem(long limit) {
        return Problem.of(413, "Payload too large", "The request body is larger than " + limit + " bytes");
    }
}
