package dev.hallpass.session.devices;

import dev.hallpass.session.control.SessionState;
import dev.hallpass.session.entity.Device;
import java.time.Instant;

/** One of the caller's live sessions, as listed by {@code GET /api/sessions} and on "my devices". */
public record DeviceSession(String handle, String device, String ipAddress, Instant createdAt, Instant lastSeenAt,
                            Instant idleExpiresAt, Instant absoluteExpiresAt, boolean rememberMe, boolean current) {

    static DeviceSession of(SessionState s, String currentHandle) {
        return new DeviceSession(s.handle(), Device.of(s.userAgent()).label(), s.ipAddress(), s.createdAt(),
                s.lastSeenAt(), s.idleExpiresAt(), s.absoluteExpiresAt(), s.rememberMe(), s.handle().equals(currentHandle));
    }
}
