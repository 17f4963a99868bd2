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

    /**
     * The session whose current secret, or whose previous secret (the one its last rotation replaced), has this
     * hash; the caller tells them apart by comparing with {@link SessionState#secretHash()}.
     */
    Optional<SessionState> findBySecretHash(String secretHash);

    /** By public handle, from the database (not a hot path: refresh, admin). */
    Optional<SessionState> findByHandle(String handle);

    /**
     * Stores a new session within the limits, atomically across every node: sessions of the same user
     * or IP that have run out are ended, and if that is not enough the policy either ends the oldest or
     * refuses with {@link SessionLimitReached}. Returns the sessions it ended on the way. The account must
     * still be at {@code accountGeneration} (read before the password check), checked under the same locks
     * as the account change takes, or nothing is stored: {@link AccountChangedDuringLogin}.
     */
    List<EndedToMakeRoom> create(Session session, long accountGeneration, SessionLimits limits, Instant now);

    /**
     * Records that the session is now used from another IP address or user agent; false if the session
     * ended or another request already recorded a change (so a change is reported once).
     */
    boolean rebind(SessionState session, String ipAddress, String userAgent);

    /** Records activity (possibly later, in a batch); false if the session is known to have ended. */
    boolean touch(SessionState session, Instant lastSeen, Instant idleExpiresAt);

    /** A check found the session live with no touch due: the write a naive store would make is saved. */
    default void touchNotDue(SessionState session) {
    }

    /**
     * Hands the live session a new secret, if its secret is still {@code session.secretHash()}: {@code previousHash}
     * stays known as the one it replaced (the secret presented now, or, re-issuing after a lost answer, the one
     * that was already previous). False if another request rotated it first or the session ended.
     */
    boolean rotateSecret(SessionState session, String previousHash, String newHash, Instant at);

    /** The secret a rotation handed out has been presented: from now on the previous one is theft after the overlap. */
    void secretUsed(SessionState session);

    /** Ends the session everywhere; false if it had already ended. */
    boolean end(SessionState session, EndReason reason, Instant at);

    /** The user's sessions that are active and not yet expired at {@code now}, newest first (an indexed query). */
    List<SessionState> findActiveByUser(String username, Instant now);
}
