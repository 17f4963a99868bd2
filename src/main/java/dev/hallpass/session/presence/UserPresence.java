package dev.hallpass.session.presence;

import java.time.Instant;

/**
 * One user's presence. {@code online}: one of their sessions has an open event stream, or a live one was
 * used within {@code hallpass.presence.window}. {@code lastSeenAt}: their latest activity (null: never seen,
 * or only in sessions already deleted). {@code streaming}: an open stream is known. {@code degraded}: Redis
 * could not be asked, so other nodes' streams were not seen and the database's last-seen decided.
 */
public record UserPresence(String username, boolean online, Instant lastSeenAt, boolean streaming, boolean degraded) {
}
