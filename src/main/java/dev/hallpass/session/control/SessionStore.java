package dev.hallpass.session.control;

import dev.hallpass.session.entity.EndReason;
import dev.hallpass.session.entity.Session;
import java.time.Instant;
import java.util.Optional;

/**
 * Where sessions live. Writes that change a live session are conditional on it still being active,
 * so a session that has ended is never brought back by a late write.
 */
public interface SessionStore {

    Optional<Session> findBySecretHash(String secretHash);

    void create(Session session);

    /** Records activity; false if the session is no longer active. */
    boolean touch(String handle, Instant lastSeen, Instant idleExpiresAt);

    /** Ends the session; false if it had already ended. */
    boolean end(String handle, EndReason reason, Instant at);
}
