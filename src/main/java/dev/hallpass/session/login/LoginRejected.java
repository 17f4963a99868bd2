package dev.hallpass.session.login;

import dev.hallpass.problem.ProblemException;

/** 401: the same answer for an unknown user, a wrong password and a disabled account. */
public final class LoginRejected extends ProblemException {

    public LoginRejected() {
        super(401, "login-rejected");
    }
}
