package dev.hallpass.session.boundary;

import dev.hallpass.account.boundary.Credentials;
import dev.hallpass.problem.Fields;

/** Body of {@code POST /api/auth/login}. */
public record LoginRequest(String username, String password, Boolean rememberMe) {

    static final int MAX_USERNAME = 256;
    static final int MAX_PASSWORD = 1024;

    static LoginRequest require(LoginRequest body) {
        return Fields.requireBody(body);
    }

    Credentials credentials() {
        return new Credentials(Fields.requireText(username, "username", MAX_USERNAME),
                Fields.requireText(password, "password", MAX_PASSWORD));
    }

    boolean remembered() {
        return Boolean.TRUE.equals(rememberMe);
    }

    @Override
    public String toString() {
        return "LoginRequest[username=" + username + ", rememberMe=" + rememberMe + "]";
    }
}
