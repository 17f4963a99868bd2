package dev.hallpass.infrastructure.persistence;

import dev.hallpass.audit.control.SecurityEventRepository;
import dev.hallpass.audit.entity.SecurityEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** Security events in the database. */
@ApplicationScoped
public class JpaSecurityEventRepository implements SecurityEventRepository {

    @PersistenceContext(unitName = "hallpass")
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void add(SecurityEvent event) {
        em.persist(event);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SecurityEvent> ofUser(String username) {
        return em.createQuery("select e from SecurityEvent e where e.username = :user order by e.occurredAt desc",
                SecurityEvent.class).setParameter("user", username).getResultList();
    }
}
