package dev.hallpass.account.boundary;

import dev.hallpass.problem.Fields;

/** A password in a body: {@code PUT /api/admin/accounts/{username}/password}, {@code DELETE /api/sessions/…}. */
public record PasswordRequest(String password) {

    public static String require(PasswordRequest body) {
        return Fields.requireText(Fields.requireBody(body).password, "password", 1024);
    }

    @Override
    public String toString() {
        return "PasswordRequest[***]";
    }
}
