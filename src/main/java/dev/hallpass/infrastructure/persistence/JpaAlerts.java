package dev.hallpass.infrastructure.persistence;

import dev.hallpass.alerting.control.Alert;
import dev.hallpass.alerting.control.AlertRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** Fired alerts in {@code hp_alert}, in plain SQL (written from executor threads, each in its own transaction). */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class JpaAlerts implements AlertRepository {

    @PersistenceContext(unitName = "hallpass")
    EntityManager em;

    @Override
    public void save(Alert alert) {
        String error = alert.lastError() == null ? null : alert.lastError().substring(0, Math.min(200, alert.lastError().length()));
        int updated = em.createNativeQuery("update hp_alert set delivery = ?1, attempts = ?2, last_error = ?3 where id = ?4")
                .setParameter(1, alert.delivery().name())
                .setParameter(2, alert.attempts())
                .setParameter(3, error)
                .setParameter(4, alert.id())
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into hp_alert (id, kind, severity, subject, summary, node, fired_at, delivery, attempts, "
                            + "last_error) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                    .setParameter(1, alert.id())
                    .setParameter(2, alert.kind().name())
                    .setParameter(3, alert.severity().name())
                    .setParameter(4, alert.subject())
                    .setParameter(5, alert.summary())
                    .setParameter(6, alert.node())
                    .setParameter(7, alert.firedAt())
                    .setParameter(8, alert.delivery().name())
                    .setParameter(9, alert.attempts())
                    .setParameter(10, error)
                    .executeUpdate();
        }
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public List<Alert> recent(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, kind, severity, subject, summary, node, fired_at, delivery, "
                        + "attempts, last_error from hp_alert order by fired_at desc, id")
                .setMaxResults(limit).getResultList();
        return rows.stream().map(row -> new Alert((String) row[0], Alert.Kind.valueOf((String) row[1]),
                Alert.Severity.valueOf((String) row[2]), (String) row[3], (String) row[4], (String) row[5], SqlTimes.instant(row[6]),
                Alert.Delivery.valueOf((String) row[7]), ((Number) row[8]).intValue(), (String) row[9])).toList();
    }
}
