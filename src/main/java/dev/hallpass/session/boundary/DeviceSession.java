package dev.hallpass.session.boundary;

import dev.hallpass.session.control.SessionState;
import java.time.Instant;

/** One of the caller's live sessions, as listed by {@code GET /api/sessions}. */
public record DeviceSession(String handle, Instant createdAt, Instant lastSeenAt, Instant idleExpiresAt,
                            Instant absoluteExpiresAt, boolean rememberMe, boolean current) {

    static DeviceSession of(SessionState s, String currentHandle) {
        return new DeviceSession(s.handle(), s.createdAt(), s.lastSeenAt(), s.idleExpiresAt(), s.absoluteExpiresAt(),
                s.rememberMe(), s.handle().equals(currentHandle));
    }
}
