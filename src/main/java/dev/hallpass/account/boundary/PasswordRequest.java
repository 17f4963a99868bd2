package dev.hallpass.account.boundary;

import dev.hallpass.problem.Fields;

/** Body of {@code PUT /api/admin/accounts/{username}/password}. */
public record PasswordRequest(String password) {

    static String require(PasswordRequest body) {
        return Fields.requireText(Fields.requireBody(body).password, "password", 1024);
    }

    @Override
    public String toString() {
        return "PasswordRequest[***]";
    }
}
