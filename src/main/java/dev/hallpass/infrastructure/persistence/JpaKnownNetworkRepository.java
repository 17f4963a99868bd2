package dev.hallpass.infrastructure.persistence;

import dev.hallpass.audit.control.KnownNetworkRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** {@code hp_known_network}, in plain SQL: two statements, no entity needed. */
@ApplicationScoped
public class JpaKnownNetworkRepository implements KnownNetworkRepository {

    @PersistenceContext(unitName = "hallpass")
    EntityManager em;

    /**
     * One transaction for the question and the answer (never the container's non-transactional entity
     * manager on an executor thread). A racing insert of the same row fails on the primary key and rolls
     * this transaction back, which the caller reads as "not new".
     */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Sighting remember(String username, String network, Instant at) {
        boolean seenBefore = !em.createNativeQuery("select 1 from hp_known_network where username = ?1")
                .setParameter(1, username).setMaxResults(1).getResultList().isEmpty();
        OffsetDateTime time = at.atOffset(ZoneOffset.UTC);
        int updated = em.createNativeQuery("update hp_known_network set last_seen_at = ?1 where username = ?2 and network = ?3")
                .setParameter(1, time).setParameter(2, username).setParameter(3, network)
                .executeUpdate();
        if (updated > 0) {
            return Sighting.KNOWN_NETWORK;
        }
        em.createNativeQuery("insert into hp_known_network (username, network, first_seen_at, last_seen_at) "
                        + "values (?1, ?2, ?3, ?3)")
                .setParameter(1, username).setParameter(2, network).setParameter(3, time)
                .executeUpdate();
        return seenBefore ? Sighting.NEW_NETWORK : Sighting.FIRST_LOGIN_EVER;
    }

    /** Forgets up to {@code limit} networks not seen since {@code cutoff}, in this transaction; returns how many. */
    @Transactional
    public int forgetNotSeenSince(Instant cutoff, int limit) {
        List<?> stale = em.createNativeQuery("select username, network from hp_known_network where last_seen_at < ?1")
                .setParameter(1, cutoff.atOffset(ZoneOffset.UTC)).setMaxResults(limit).getResultList();
        int forgotten = 0;
        for (Object row : stale) {
            Object[] key = (Object[]) row;
            forgotten += em.createNativeQuery("delete from hp_known_network where username = ?1 and network = ?2")
                    .setParameter(1, key[0]).setParameter(2, key[1]).executeUpdate();
        }
        return forgotten;
    }
}
