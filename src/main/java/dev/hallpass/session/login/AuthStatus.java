package dev.hallpass.session.login;

import dev.hallpass.session.boundary.ActiveSession;
import java.time.Instant;

/** Body of {@code GET /api/auth/status}: {@code {"authenticated":false}} or who and until when. */
public record AuthStatus(boolean authenticated, String username, Instant idleExpiresAt) {

    static final AuthStatus ANONYMOUS = new AuthStatus(false, null, null);

    static AuthStatus of(ActiveSession session) {
        return new AuthStatus(true, session.username(), session.idleExpiresAt());
    }
}
