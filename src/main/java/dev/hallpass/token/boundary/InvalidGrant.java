package dev.hallpass.token.boundary;

import dev.hallpass.problem.ProblemException;

/** 400 {@code invalid_grant}: the same answer for every refresh that fails, whatever the reason. */
public final class InvalidGrant extends ProblemException {

    public InvalidGrant() {
        super(400, "Invalid grant", "The refresh token is not valid");
    }

    @Override
    public String errorCode() {
        return "invalid_grant";
    }
}
