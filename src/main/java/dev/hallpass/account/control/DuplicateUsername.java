package dev.hallpass.account.control;

import dev.hallpass.problem.ProblemException;

/** 409: an account with this username exists already. */
public final class DuplicateUsername extends ProblemException {

    public DuplicateUsername(String username) {
        super(409, "account-exists", username);
    }
}
