package dev.hallpass.infrastructure.persistence;

import dev.hallpass.apps.control.Signal;
import dev.hallpass.session.control.AccountChangedDuringLogin;
import dev.hallpass.session.control.EndedToMakeRoom;
import dev.hallpass.session.control.SessionLimits;
import dev.hallpass.session.control.SessionState;
import dev.hallpass.session.control.SessionStore;
import dev.hallpass.session.entity.Device;
import dev.hallpass.session.entity.EndReason;
import dev.hallpass.session.entity.Session;
import dev.hallpass.session.entity.SessionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Sessions in the database, the source of truth. Every change to a live session is a conditional
 * update ({@code … and status = ACTIVE}), so an ended session is never revived by a late write from
 * any node.
 */
@Database
@ApplicationScoped
@Transactional // reads too: see package-info
public class JpaSessionStore implements SessionStore {

    /** Rows in {@code hp_login_lock} (V5 migration). */
    static final int LOGIN_LOCK_SLOTS = 256;

    @PersistenceContext(unitName = "hallpass")
    EntityManager em;

    @PersistenceUnit(unitName = "hallpass")
    EntityManagerFactory factory;

    @Inject
    JpaSignals signals;

    @Inject
    @Database
    JpaDataStore data;

    /** One pending "last seen" write. */
    public record Touch(String handle, Instant lastSeen, Instant idleExpiresAt) {
    }

    /**
     * The cookie check when both caches missed: on every such request, so no JTA transaction (it cost a
     * third of the database-only throughput). It reads through an entity manager of its own, closed
     * here, never the container's non-transactional one (see package-info).
     */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SessionState> findBySecretHash(String secretHash) {
        EntityManager reader = factory.createEntityManager();
        try {
            // two indexed lookups rather than one OR, which not every database answers from both indexes
            Optional<Session> current = reader.createQuery("select s from Session s where s.secretHash = :hash", Session.class)
                    .setParameter("hash", secretHash).getResultList().stream().findFirst();
            return current.or(() -> reader.createQuery("select s from Session s where s.previousSecretHash = :hash", Session.class)
                    .setParameter("hash", secretHash).getResultList().stream().findFirst())
                    .map(SessionState::of);
        } finally {
            reader.close();
        }
    }

    @Override
    @Transactional
    public Optional<SessionState> findByHandle(String handle) {
        return Optional.ofNullable(em.find(Session.class, handle)).map(SessionState::of);
    }

    @Override
    public List<EndedToMakeRoom> create(Session session, long accountGeneration, SessionLimits limits, Instant now) {
        lockLoginSlots(session.username(), session.ipAddress());
        requireGeneration(session.username(), accountGeneration);
        List<SessionState> usersSessions = limits.maxPerUser() > 0
                ? liveOldestFirst("s.username = :key", session.username()) : List.of();
        List<SessionState> addressSessions = limits.maxPerIp() > 0 && session.ipAddress() != null
                ? liveOldestFirst("s.ipAddress = :key", session.ipAddress()) : List.of();
        List<EndedToMakeRoom> ended = new ArrayList<>();
        for (SessionLimits.ToEnd toEnd : limits.toEndBeforeLogin(session.username(), usersSessions, addressSessions, now)) {
            if (end(toEnd.session(), toEnd.reason(), now)) {
                ended.add(new EndedToMakeRoom(toEnd.session(), toEnd.reason()));
            }
        }
        em.persist(session);
        return ended;
    }

    /**
     * Locks the rows of {@code hp_login_lock} that the user and the IP hash to, in ascending order (no
     * deadlock between two logins), until the transaction ends: every node's login of this user or
     * from this IP waits here, so counting and inserting cannot interleave.
     */
    private void lockLoginSlots(String username, String ipAddress) {
        int userSlot = Math.floorMod(("u:" + username).hashCode(), LOGIN_LOCK_SLOTS);
        int ipSlot = ipAddress == null ? userSlot : Math.floorMod(("i:" + ipAddress).hashCode(), LOGIN_LOCK_SLOTS);
        lockSlot(Math.min(userSlot, ipSlot));
        if (userSlot != ipSlot) {
            lockSlot(Math.max(userSlot, ipSlot));
        }
    }

    /**
     * Locks the account row (as every account change does first) and checks that no change ending its
     * sessions committed since the login read it. Either the change waits for this login to commit and
     * then ends its session too, or this login waits for the change and fails here.
     */
    private void requireGeneration(String username, long expected) {
        List<?> generation = em.createNativeQuery("select generation from hp_account where username = ?1 for update")
                .setParameter(1, username)
                .getResultList();
        if (generation.isEmpty() || ((Number) generation.get(0)).longValue() != expected) {
            throw new AccountChangedDuringLogin(username);
        }
    }

    private void lockSlot(int slot) {
        em.createNativeQuery("select slot from hp_login_lock where slot = ?1 for update")
                .setParameter(1, slot)
                .getSingleResult();
    }

    private List<SessionState> liveOldestFirst(String condition, String key) {
        return em.createQuery("select s from Session s where " + condition + " and s.status = :active "
                        + "order by s.createdAt", Session.class)
                .setParameter("key", key)
                .setParameter("active", SessionStatus.ACTIVE)
                .getResultList().stream()
                .map(SessionState::of)
                .toList();
    }

    @Override
    public boolean rebind(SessionState session, String ipAddress, String userAgent) {
        return em.createQuery("update Session s set s.ipAddress = :ip, s.userAgent = :agent, s.device = :device where s.handle = :handle "
                        + "and s.status = :active and coalesce(s.ipAddress, '') = :oldIp and coalesce(s.userAgent, '') = :oldAgent")
                .setParameter("ip", ipAddress)
                .setParameter("agent", userAgent)
                .setParameter("device", Device.of(userAgent).label())
                .setParameter("handle", session.handle())
                .setParameter("active", SessionStatus.ACTIVE)
                .setParameter("oldIp", session.ipAddress())
                .setParameter("oldAgent", session.userAgent())
                .executeUpdate() == 1;
    }

    @Override
    public boolean rotateSecret(SessionState session, String previousHash, String newHash, Instant at) {
        boolean reissue = !previousHash.equals(session.secretHash());
        return em.createQuery("update Session s set s.previousSecretHash = :previous, s.secretHash = :fresh, "
                        + "s.secretRotatedAt = :at, s.newSecretUsed = false where s.handle = :handle and s.status = :active "
                        + "and s.secretHash = :current" + (reissue ? " and s.newSecretUsed = false and s.previousSecretHash = :previous" : ""))
                .setParameter("previous", previousHash)
                .setParameter("fresh", newHash)
                .setParameter("at", at)
                .setParameter("handle", session.handle())
                .setParameter("active", SessionStatus.ACTIVE)
                .setParameter("current", session.secretHash())
                .executeUpdate() == 1;
    }

    @Override
    public void secretUsed(SessionState session) {
        em.createQuery("update Session s set s.newSecretUsed = true where s.handle = :handle and s.secretHash = :current "
                        + "and s.newSecretUsed = false")
                .setParameter("handle", session.handle())
                .setParameter("current", session.secretHash())
                .executeUpdate();
    }

    /** The secrets rotations replaced since {@code since}: no node may keep believing one of them is current. */
    @Transactional
    public List<String> findReplacedSecretsSince(Instant since) {
        return em.createQuery("select s.previousSecretHash from Session s where s.secretRotatedAt > :since "
                        + "and s.previousSecretHash is not null", String.class)
                .setParameter("since", since)
                .getResultList();
    }

    @Override
    public boolean touch(SessionState session, Instant lastSeen, Instant idleExpiresAt) {
        return touch(new Touch(session.handle(), lastSeen, idleExpiresAt));
    }

    /**
     * Writes a batch of touches in one transaction; returns the handles whose row took no write (the session
     * ended, or another node recorded a later activity first).
     */
    public List<String> touchAll(Collection<Touch> touches) {
        List<String> notWritten = new ArrayList<>();
        for (Touch touch : touches) {
            if (!touch(touch)) {
                notWritten.add(touch.handle());
            }
        }
        return notWritten;
    }

    private boolean touch(Touch touch) {
        return em.createQuery("update Session s set s.lastSeenAt = :now, s.idleExpiresAt = :idle "
                        + "where s.handle = :handle and s.status = :active and s.lastSeenAt < :now")
                .setParameter("now", touch.lastSeen())
                .setParameter("idle", touch.idleExpiresAt())
                .setParameter("handle", touch.handle())
                .setParameter("active", SessionStatus.ACTIVE)
                .executeUpdate() == 1;
    }

    /**
     * Ends the session if it is still live, and writes the feed's entry for it in the same transaction: an
     * end that committed is always in the feed, one rolled back never. Inside a larger transaction (an
     * account change, a login making room) the entry is numbered after the commit ({@code SignalLog.publish}).
     */
    @Override
    public boolean end(SessionState session, EndReason reason, Instant at) {
        boolean ended = markEnded(session, reason, at);
        if (ended) {
            signals.append(Signal.Kind.SESSION_REVOKED, session.handle(), session.username(), reason.name(), at);
        }
        return ended;
    }

    /**
     * {@link #end} for an end that is a transaction of its own (a logout, a kill, an expiry): its entry is also
     * numbered in it, as the last statement before the commit, so a waiting receiver gets it without a second
     * transaction. Taking the feed's counter last, and nothing after it, cannot deadlock with anything.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean endAlone(SessionState session, EndReason reason, Instant at) {
        boolean ended = markEnded(session, reason, at);
        if (ended) {
            signals.appendNumbered(Signal.Kind.SESSION_REVOKED, session.handle(), session.username(), reason.name(), at);
        }
        return ended;
    }

    /** Ends the session and deletes its session data in the same transaction: data ends with its session. */
    private boolean markEnded(SessionState session, EndReason reason, Instant at) {
        boolean ended = em.createQuery("update Session s set s.status = :status, s.endReason = :reason, s.endedAt = :at, "
                        + "s.version = s.version + 1 where s.handle = :handle and s.status = :active")
                .setParameter("status", reason.status())
                .setParameter("reason", reason)
                .setParameter("at", at)
                .setParameter("handle", session.handle())
                .setParameter("active", SessionStatus.ACTIVE)
                .executeUpdate() == 1;
        if (ended) {
            data.deleteSessionData(List.of(session.handle()));
        }
        return ended;
    }

    @Override
    public List<SessionState> findActiveByUser(String username, Instant now) {
        return em.createQuery("select s from Session s where s.username = :username and s.status = :active "
                        + "and s.idleExpiresAt > :now and s.absoluteExpiresAt > :now order by s.createdAt desc", Session.class)
                .setParameter("username", username)
                .setParameter("active", SessionStatus.ACTIVE)
                .setParameter("now", now)
                .getResultList().stream()
                .map(SessionState::of)
                .toList();
    }

    /** A session the database says has ended: what the caches need to drop it. */
    public record Ended(String handle, String secretHash, EndReason reason) {
    }

    /** The sessions that ended after {@code since} (an index on ended_at). */
    @Transactional
    public List<Ended> findEndedSince(Instant since) {
        return em.createQuery("select new dev.hallpass.infrastructure.persistence.JpaSessionStore$Ended(s.handle, "
                        + "s.secretHash, s.endReason) from Session s where s.endedAt > :since and s.status <> :active", Ended.class)
                .setParameter("active", SessionStatus.ACTIVE)
                .setParameter("since", since)
                .getResultList();
    }

    /** Those of these sessions that have ended (a touch of theirs found them no longer active). */
    @Transactional
    public List<Ended> findEndedAmong(Collection<String> handles) {
        if (handles.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select new dev.hallpass.infrastructure.persistence.JpaSessionStore$Ended(s.handle, "
                        + "s.secretHash, s.endReason) from Session s where s.handle in :handles and s.status <> :active", Ended.class)
                .setParameter("active", SessionStatus.ACTIVE)
                .setParameter("handles", handles)
                .getResultList();
    }

    /**
     * Deletes up to {@code limit} sessions that ended, or ran out, before {@code cutoff}; one short
     * transaction per batch, so logins are never stalled behind a long delete.
     */
    public int deleteEndedBefore(Instant cutoff, int limit) {
        List<String> handles = em.createQuery("select s.handle from Session s where s.idleExpiresAt < :cutoff "
                        + "or (s.status <> :active and s.endedAt < :cutoff)", String.class)
                .setParameter("cutoff", cutoff)
                .setParameter("active", SessionStatus.ACTIVE)
                .setMaxResults(limit)
                .getResultList();
        if (handles.isEmpty()) {
            return 0;
        }
        data.deleteSessionData(handles); // sessions that ran out unseen were never ended: their data goes with their rows
        return em.createQuery("delete from Session s where s.handle in :handles")
                .setParameter("handles", handles)
                .executeUpdate();
    }
}
