package dev.hallpass.session.login;

import dev.hallpass.account.boundary.Credentials;
import dev.hallpass.problem.Fields;
import dev.hallpass.problem.InvalidInput;
import jakarta.json.JsonValue;

/** Body of {@code POST /api/auth/login}. */
public record LoginRequest(String username, String password, JsonValue rememberMe, JsonValue tokens) {

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
        return flag(rememberMe, "rememberMe");
    }

    /** Whether an API client wants access and refresh tokens in the login response. */
    boolean wantsTokens() {
        return flag(tokens, "tokens");
    }

    /** Strictly a JSON boolean: JSON-B would quietly read {@code "yes"} as false. */
    private static boolean flag(JsonValue value, String field) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return false;
        }
        return switch (value.getValueType()) {
            case TRUE -> true;
            case FALSE -> false;
            default -> throw new InvalidInput(field, "true-or-false");
        };
    }

    @Override
    public String toString() {
        return "LoginRequest[username=" + username + ", rememberMe=" + rememberMe + ", tokens=" + tokens + "]";
    }
}
