package dev.hallpass.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;

/**
 * Runs a native "count per minute" query whose rows are (minute since the epoch, kind, count): the
 * minute arithmetic ({@code floor(extract(epoch from t) / 60)}) is the same on H2 and PostgreSQL.
 */
record PerMinute(Instant minute, String kind, long count) {

    @SuppressWarnings("unchecked")
    static List<PerMinute> counts(EntityManager em, String sql, Object... parameters) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((List<Object[]>) query.getResultList()).stream()
                .map(row -> new PerMinute(Instant.ofEpochSecond(((Number) row[0]).longValue() * 60),
                        String.valueOf(row[1]), ((Number) row[2]).longValue()))
                .toList();
    }
}
