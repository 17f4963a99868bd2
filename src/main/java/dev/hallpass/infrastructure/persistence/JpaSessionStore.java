package dev.hallpass.infrastructure.persistence;

import dev.hallpass.session.control.SessionStore;
import dev.hallpass.session.entity.EndReason;
import dev.hallpass.session.entity.Session;
import dev.hallpass.session.entity.SessionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** Sessions in the database, the source of truth. Changes to a live session are conditional updates. */
@ApplicationScoped
@Transactional
public class JpaSessionStore implements SessionStore {

    @PersistenceContext(unitName = "hallpass")
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Session> findBySecretHash(String secretHash) {
        return em.createQuery("select s from Session s where s.secretHash = :hash", Session.class)
                .setParameter("hash", secretHash)
                .getResultStream()
                .findFirst();
    }

    @Override
    public void create(Session session) {
        em.persist(session);
    }

    @Override
    public boolean touch(String handle, Instant lastSeen, Instant idleExpiresAt) {
        return em.createQuery("update Session s set s.lastSeenAt = :now, s.idleExpiresAt = :idle "
                        + "where s.handle = :handle and s.status = :active")
                .setParameter("now", lastSeen)
                .setParameter("idle", idleExpiresAt)
                .setParameter("handle", handle)
                .setParameter("active", SessionStatus.ACTIVE)
                .executeUpdate() == 1;
    }

    @Override
    public boolean end(String handle, EndReason reason, Instant at) {
        return em.createQuery("update Session s set s.status = :status, s.endReason = :reason, s.endedAt = :at, "
                        + "s.version = s.version + 1 where s.handle = :handle and s.status = :active")
                .setParameter("status", reason.status())
                .setParameter("reason", reason)
                .setParameter("at", at)
                .setParameter("handle", handle)
                .setParameter("active", SessionStatus.ACTIVE)
                .executeUpdate() == 1;
    }
}
