package dev.hallpass.infrastructure.persistence;

import dev.hallpass.data.control.DataChanged;
import dev.hallpass.data.control.DataDocument;
import dev.hallpass.data.control.DataKey;
import dev.hallpass.data.control.DataScope;
import dev.hallpass.data.control.DataStore;
import dev.hallpass.data.control.DocumentLimitReached;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Shared data in {@code hp_data}, in plain SQL. Every write first locks its owner's row (the session, or
 * the account) and checks it is still there and live: the end of a session deletes its documents in the
 * end's own transaction ({@link JpaSessionStore}), the erasure of an account its user's, and with the lock
 * no write can slip in after either.
 */
@ApplicationScoped
@Database
@Transactional
public class JpaDataStore implements DataStore {

    private static final int CATCH_UP_LIMIT = 10_000;
    private static final String COLUMNS = "scope, owner, username, name, body, version, updated_at, updated_by, deleted";

    @PersistenceContext(unitName = "hallpass")
    EntityManager em;

    @Override
    public Optional<DataDocument> find(DataKey key) {
        return findLatest(key);
    }

    @Override
    public Optional<DataDocument> findLatest(DataKey key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from hp_data where scope = ?1 and owner = ?2 and name = ?3")
                .setParameter(1, key.scope().name())
                .setParameter(2, key.owner())
                .setParameter(3, key.name())
                .getResultList();
        return rows.stream().findFirst().map(JpaDataStore::document);
    }

    @Override
    public List<DataDocument> list(DataScope scope, String owner) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from hp_data where scope = ?1 and owner = ?2 "
                        + "and deleted = false order by name")
                .setParameter(1, scope.name())
                .setParameter(2, owner)
                .getResultList();
        return rows.stream().map(JpaDataStore::document).toList();
    }

    @Override
    public Written write(DataDocument next, long expectedVersion, int maxDocuments) {
        if (!lockOwner(next)) {
            return Written.OWNER_GONE;
        }
        DataKey key = next.key();
        if (!next.deleted()) {
            Number others = (Number) em.createNativeQuery("select count(*) from hp_data where scope = ?1 and owner = ?2 "
                            + "and deleted = false and name <> ?3")
                    .setParameter(1, key.scope().name())
                    .setParameter(2, key.owner())
                    .setParameter(3, key.name())
                    .getSingleResult();
            if (others.intValue() >= maxDocuments) {
                throw new DocumentLimitReached(maxDocuments);
            }
        }
        if (expectedVersion == 0) {
            if (findLatest(key).isPresent()) {
                return Written.CHANGED_MEANWHILE; // the owner's lock makes this check and the insert one step
            }
            em.createNativeQuery("insert into hp_data (" + COLUMNS + ") values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                    .setParameter(1, key.scope().name())
                    .setParameter(2, key.owner())
                    .setParameter(3, next.username())
                    .setParameter(4, key.name())
                    .setParameter(5, next.json())
                    .setParameter(6, next.version())
                    .setParameter(7, next.updatedAt())
                    .setParameter(8, next.updatedBy())
                    .setParameter(9, next.deleted())
                    .executeUpdate();
            return Written.WRITTEN;
        }
        int updated = em.createNativeQuery("update hp_data set body = ?1, version = ?2, updated_at = ?3, updated_by = ?4, deleted = ?5 "
                        + "where scope = ?6 and owner = ?7 and name = ?8 and version = ?9")
                .setParameter(1, next.json())
                .setParameter(2, next.version())
                .setParameter(3, next.updatedAt())
                .setParameter(4, next.updatedBy())
                .setParameter(5, next.deleted())
                .setParameter(6, key.scope().name())
                .setParameter(7, key.owner())
                .setParameter(8, key.name())
                .setParameter(9, expectedVersion)
                .executeUpdate();
        return updated == 1 ? Written.WRITTEN : Written.CHANGED_MEANWHILE;
    }

    /** Locks the live session (scope SESSION) or the account (USER) the document belongs to; false if it is gone. */
    private boolean lockOwner(DataDocument next) {
        String sql = next.key().scope() == DataScope.SESSION
                ? "select handle from hp_session where handle = ?1 and username = ?2 and status = 'ACTIVE' for update"
                : "select username from hp_account where username = ?1 and username = ?2 for update";
        return !em.createNativeQuery(sql).setParameter(1, next.key().owner()).setParameter(2, next.username())
                .getResultList().isEmpty();
    }

    @Override
    public List<DataChanged> changedSince(Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select scope, owner, name, username, version, updated_by, deleted from hp_data "
                        + "where updated_at >= ?1 order by updated_at desc")
                .setParameter(1, since)
                .setMaxResults(CATCH_UP_LIMIT) // the newest: older ones were most likely heard already
                .getResultList();
        List<Object[]> oldestFirst = new ArrayList<>(rows);
        Collections.reverse(oldestFirst);
        return oldestFirst.stream().map(row -> new DataChanged(new DataKey(DataScope.valueOf((String) row[0]), (String) row[1],
                (String) row[2]), (String) row[3], ((Number) row[4]).longValue(), (String) row[5], toBoolean(row[6]))).toList();
    }

    @Override
    public List<DataChanged> eraseUser(String username, Instant at) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select owner, name, version from hp_data where scope = 'USER' and username = ?1 "
                        + "and deleted = false for update")
                .setParameter(1, username).getResultList();
        em.createNativeQuery("update hp_data set body = null, deleted = true, version = version + 1, updated_at = ?1, updated_by = null "
                        + "where scope = 'USER' and username = ?2 and deleted = false")
                .setParameter(1, at).setParameter(2, username).executeUpdate();
        return rows.stream().map(row -> new DataChanged(new DataKey(DataScope.USER, (String) row[0], (String) row[1]), username,
                ((Number) row[2]).longValue() + 1, null, true)).toList();
    }

    /** Deleted documents older than {@code cutoff}, up to {@code limit}: their rows only kept the version counting. */
    public int deleteTombstonesBefore(Instant cutoff, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> keys = em.createNativeQuery("select scope, owner, name from hp_data where deleted = true and updated_at < ?1")
                .setParameter(1, cutoff).setMaxResults(limit).getResultList();
        int deleted = 0;
        for (Object[] key : keys) {
            deleted += em.createNativeQuery("delete from hp_data where scope = ?1 and owner = ?2 and name = ?3 and deleted = true")
                    .setParameter(1, key[0]).setParameter(2, key[1]).setParameter(3, key[2]).executeUpdate();
        }
        return deleted;
    }

    /** Deletes the documents of these sessions (they ended, or their rows are being removed); in the caller's transaction. */
    int deleteSessionData(List<String> handles) {
        return handles.isEmpty() ? 0 : em.createNativeQuery("delete from hp_data where scope = 'SESSION' and owner in (:handles)")
                .setParameter("handles", handles).executeUpdate();
    }

    private static DataDocument document(Object[] row) {
        return new DataDocument(new DataKey(DataScope.valueOf((String) row[0]), (String) row[1], (String) row[3]), (String) row[2],
                (String) row[4], ((Number) row[5]).longValue(), SqlTimes.instant(row[6]), (String) row[7], toBoolean(row[8]));
    }

    private static boolean toBoolean(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }
}
