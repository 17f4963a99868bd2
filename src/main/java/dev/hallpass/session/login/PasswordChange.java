package dev.hallpass.session.login;

import dev.hallpass.problem.Fields;

/** Body of {@code PUT /api/auth/password}. */
public record PasswordChange(String currentPassword, String newPassword) {

    static PasswordChange require(PasswordChange body) {
        PasswordChange change = Fields.requireBody(body);
        return new PasswordChange(Fields.requireText(change.currentPassword, "currentPassword", LoginRequest.MAX_PASSWORD),
                Fields.requireText(change.newPassword, "newPassword", LoginRequest.MAX_PASSWORD));
    }

    @Override
    public String toString() {
        return "PasswordChange[***]";
    }
}
