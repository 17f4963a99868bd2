package dev.hallpass.audit.boundary;

import dev.hallpass.audit.entity.SecurityEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * Records security events: persisted in a transaction of their own (a refused request must still
 * leave its trace) and logged as one line with the session handle, never a secret.
 */
@ApplicationScoped
public class SecurityEvents {

    private static final Logger LOG = Logger.getLogger(SecurityEvents.class.getName());

    @PersistenceContext(unitName = "hallpass")
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(SecurityEvent.Type type, String username, String sessionHandle, String ipAddress,
                       String userAgent, String detail) {
        em.persist(new SecurityEvent(type, clock.instant(), username, sessionHandle, ipAddress, userAgent, detail));
        LOG.warning(() -> "security-event type=" + type + " user=" + username + " session=" + sessionHandle
                + " ip=" + ipAddress + " detail=" + detail);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SecurityEvent> ofUser(String username) {
        return em.createQuery("select e from SecurityEvent e where e.username = :user order by e.occurredAt desc",
                SecurityEvent.class).setParameter("user", username).getResultList();
    }
}
