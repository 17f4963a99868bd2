package dev.hallpass.infrastructure.persistence;

import dev.hallpass.audit.control.SecurityEventQuery;
import dev.hallpass.audit.control.SecurityEventRepository;
import dev.hallpass.audit.entity.SecurityEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Security events in the database; every filter maps onto an index (type, user or IP, then time). */
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
    public List<SecurityEvent> find(SecurityEventQuery query) {
        return query("select e", " order by e.occurredAt desc, e.id desc", query, SecurityEvent.class)
                .setFirstResult(query.offset())
                .setMaxResults(query.limit())
                .getResultList();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(SecurityEventQuery query) {
        return query("select count(e)", "", query, Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> query(String select, String order, SecurityEventQuery query, Class<T> type) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        query.type().ifPresent(t -> where(conditions, parameters, "e.type = :type", "type", t));
        query.username().ifPresent(u -> where(conditions, parameters, "e.username = :user", "user", u));
        query.ipPrefix().ifPresent(ip -> where(conditions, parameters, "e.ipAddress like :ip", "ip", ip + "%"));
        query.from().ifPresent(f -> where(conditions, parameters, "e.occurredAt >= :from", "from", f));
        query.to().ifPresent(t -> where(conditions, parameters, "e.occurredAt < :to", "to", t));
        String filter = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        TypedQuery<T> typed = em.createQuery(select + " from SecurityEvent e" + filter + order, type);
        parameters.forEach(typed::setParameter);
        return typed;
    }

    private static void where(List<String> conditions, Map<String, Object> parameters, String condition, String name,
                              Object value) {
        conditions.add(condition);
        parameters.put(name, value);
    }
}
