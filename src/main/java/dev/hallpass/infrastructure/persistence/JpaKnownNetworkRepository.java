package dev.hallpass.infrastructure.persistence;

import dev.hallpass.audit.control.KnownNetworkRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** {@code hp_known_network}, in plain SQL: two statements, no entity needed. */
@ApplicationScoped
public class JpaKnownNetworkRepository implements KnownNetworkRepository {

    @PersistenceContext(unitName = "hallpass")
    EntityManager em;

    /**
     * Updates the row if there is one, else inserts it; a racing insert of the same row fails on the
     * primary key and rolls this transaction back, which the caller reads as "not new".
     */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean remember(String username, String network, Instant at) {
        OffsetDateTime time = at.atOffset(ZoneOffset.UTC);
        int updated = em.createNativeQuery("update hp_known_network set last_seen_at = ?1 where username = ?2 and network = ?3")
                .setParameter(1, time).setParameter(2, username).setParameter(3, network)
                .executeUpdate();
        if (updated > 0) {
            return false;
        }
        em.createNativeQuery("insert into hp_known_network (username, network, first_seen_at, last_seen_at) "
                        + "values (?1, ?2, ?3, ?3)")
                .setParameter(1, username).setParameter(2, network).setParameter(3, time)
                .executeUpdate();
        return true;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean anyFor(String username) {
        return !em.createNativeQuery("select 1 from hp_known_network where username = ?1")
                .setParameter(1, username).setMaxResults(1).getResultList().isEmpty();
    }
}
