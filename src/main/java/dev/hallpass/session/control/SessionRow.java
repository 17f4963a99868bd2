package dev.hallpass.session.control;

import java.time.Instant;

/** One line of the console's session table: no secret, no hash. {@code state} is as in {@link SessionFilter.State}. */
public record SessionRow(String handle, String username, String ipAddress, String device, String userAgent,
                         Instant createdAt, Instant lastSeenAt, Instant idleExpiresAt, Instant absoluteExpiresAt,
                         boolean rememberMe, String node, SessionFilter.State state, String endReason, Instant endedAt) {
}
