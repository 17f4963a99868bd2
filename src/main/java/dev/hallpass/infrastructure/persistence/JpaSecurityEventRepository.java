package dev.hallpass.infrastructure.persistence;

import dev.hallpass.audit.control.SecurityEventQuery;
import dev.hallpass.audit.control.SecurityEventRepository;
import dev.hallpass.audit.entity.SecurityEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
    @Transactional
    public List<SecurityEvent> find(SecurityEventQuery query) {
        return query("select e", " order by e.occurredAt desc, e.id desc", query, SecurityEvent.class)
                .setFirstResult(query.offset())
                .setMaxResults(query.limit())
                .getResultList();
    }

    @Override
    @Transactional
    public long count(SecurityEventQuery query) {
        return query("select count(e)", "", query, Long.class).getSingleResult();
    }

    @Override
    @Transactional
    public Map<Instant, Long> perMinute(SecurityEvent.Type type, Instant from, Instant to) {
        return PerMinute.counts(em, """
                select bucket, kind, count(*) from (
                  select floor(extract(epoch from occurred_at) / 60) as bucket, type as kind
                  from hp_security_event where type = ?1 and occurred_at >= ?2 and occurred_at < ?3
                ) events group by bucket, kind""", type.name(), from, to)
                .stream().collect(Collectors.toMap(PerMinute::minute, PerMinute::count));
    }

    private <T> TypedQuery<T> query(String select, String order, SecurityEventQuery query, Class<T> type) {
        JpqlConditions where = new JpqlConditions();
        query.type().ifPresent(t -> where.and("e.type = :type", "type", t));
        query.username().ifPresent(u -> where.and("e.username = :user", "user", u));
        query.ipPrefix().ifPresent(ip -> where.and("e.ipAddress like :ip", "ip", ip + "%"));
        query.from().ifPresent(f -> where.and("e.occurredAt >= :from", "from", f));
        query.to().ifPresent(t -> where.and("e.occurredAt < :to", "to", t));
        return where.query(em, select + " from SecurityEvent e", order, type);
    }

    /** Deletes up to {@code limit} events older than {@code cutoff}, in this transaction; returns how many. */
    @Transactional
    public int deleteOlderThan(Instant cutoff, int limit) {
        List<Long> ids = em.createQuery("select e.id from SecurityEvent e where e.occurredAt < :cutoff", Long.class)
                .setParameter("cutoff", cutoff).setMaxResults(limit).getResultList();
        return ids.isEmpty() ? 0 : em.createQuery("delete from SecurityEvent e where e.id in :ids")
                .setParameter("ids", ids).executeUpdate();
    }
}
