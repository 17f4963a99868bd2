package dev.hallpass.session.boundary;

import dev.hallpass.session.control.SessionState;
import java.time.Instant;
import java.util.Set;

/** A live session as the rest of the application sees it: no secret, no hash. */
public record ActiveSession(String handle, String username, Set<String> roles, Instant createdAt,
                            Instant idleExpiresAt, Instant absoluteExpiresAt, boolean rememberMe) {

    public ActiveSession {
        roles = Set.copyOf(roles);
    }

    static ActiveSession of(SessionState session) {
        return new ActiveSession(session.handle(), session.username(), session.roles(), session.createdAt(),
                session.idleExpiresAt(), session.absoluteExpiresAt(), session.rememberMe());
    }
}
