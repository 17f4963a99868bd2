package dev.hallpass.session.login;

import dev.hallpass.session.boundary.ActiveSession;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Who is logged in and the session they are using: the body of login and {@code /me}. */
public record MeResponse(String username, List<String> roles, SessionInfo session, JsonObject tokens) {

    public record SessionInfo(String handle, Instant createdAt, Instant idleExpiresAt, Instant absoluteExpiresAt,
                              boolean rememberMe) {
    }

    /** For a bearer caller: the token names the session but carries none of its times. */
    static MeResponse of(String username, Set<String> roles, String handle) {
        return new MeResponse(username, roles.stream().sorted().toList(), new SessionInfo(handle, null, null, null, false), null);
    }

    static MeResponse of(ActiveSession s) {
        return new MeResponse(s.username(), s.roles().stream().sorted().toList(),
                new SessionInfo(s.handle(), s.createdAt(), s.idleExpiresAt(), s.absoluteExpiresAt(), s.rememberMe()), null);
    }

    MeResponse withTokens(JsonObject issued) {
        return new MeResponse(username, roles, session, issued);
    }
}
