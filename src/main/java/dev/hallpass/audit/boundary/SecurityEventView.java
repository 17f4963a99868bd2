package dev.hallpass.audit.boundary;

import dev.hallpass.audit.entity.SecurityEvent;
import java.time.Instant;

/** A security event as the admin API shows it. */
public record SecurityEventView(String type, Instant occurredAt, String username, String sessionHandle, String ipAddress,
                                String userAgent, String detail) {

    static SecurityEventView of(SecurityEvent e) {
        return new SecurityEventView(e.type().name(), e.occurredAt(), e.username(), e.sessionHandle(), e.ipAddress(),
                e.userAgent(), e.detail());
    }
}
