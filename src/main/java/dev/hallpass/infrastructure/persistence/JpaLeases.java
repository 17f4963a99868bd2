package dev.hallpass.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Leases in the database, so that a job runs on one node at a time with or without Redis: whoever
 * updates the row while it is free (or already theirs) holds it until {@code until}.
 */
@ApplicationScoped
public class JpaLeases {

    @PersistenceContext(unitName = "hallpass")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean tryAcquire(String name, String holder, Instant now, Instant until) {
        return em.createNativeQuery("update hp_lease set holder = ?1, expires_at = ?2 "
                        + "where name = ?3 and (expires_at < ?4 or holder = ?1)")
                .setParameter(1, holder)
                .setParameter(2, until)
                .setParameter(3, name)
                .setParameter(4, now)
                .executeUpdate() == 1;
    }
}
