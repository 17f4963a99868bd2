package dev.hallpass.session.control;

import dev.hallpass.session.entity.EndReason;
import dev.hallpass.session.entity.Session;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where sessions live. Writes that change a live session are conditional on it still being active,
 * so a session that has ended is never brought back by a late write.
 */
public interface SessionStore {

    Optional<SessionState> findBySecretHash(String secretHash);

    /** By public handle, from the database (not a hot path: refresh, admin). */
    Optional<SessionState> findByHandle(String handle);

    void create(Session session);

    /** Records activity (possibly later, in a batch); false if the session is known to have ended. */
    boolean touch(SessionState session, Instant lastSeen, Instant idleExpiresAt);

    /** Ends the session everywhere; false if it had already ended. */
    boolean end(SessionState session, EndReason reason, Instant at);

    /** The user's sessions that are active and not yet expired at {@code now}, newest first (an indexed query). */
    List<SessionState> findActiveByUser(String username, Instant now);

    long countActiveByUser(String username, Instant now);
}
