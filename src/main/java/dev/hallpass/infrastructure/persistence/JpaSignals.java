package dev.hallpass.infrastructure.persistence;

import dev.hallpass.apps.control.Signal;
import dev.hallpass.apps.control.SignalLog;
import dev.hallpass.apps.control.SignalStream;
import dev.hallpass.apps.control.StreamRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The revocation feed's outbox ({@code hp_signal}, numbered under the lock of {@code hp_signal_head}) and
 * the receivers' streams ({@code hp_signal_stream}), in plain SQL. Reads are transactional too: they run on
 * scheduler threads, where the container's entity manager exists only inside a transaction.
 */
@ApplicationScoped
@Transactional
public class JpaSignals implements SignalLog, StreamRepository {

    private static final int PUBLISH_BATCH = 1000;

    @PersistenceContext(unitName = "hallpass")
    EntityManager em;

    @Inject
    JpaLeases leases;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(Signal.Kind kind, String sessionHandle, String username, String reason, Instant at) {
        em.createNativeQuery("insert into hp_signal (kind, session_handle, username, reason, occurred_at) "
                        + "values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, kind.name())
                .setParameter(2, sessionHandle)
                .setParameter(3, username)
                .setParameter(4, reason)
                .setParameter(5, at)
                .executeUpdate();
    }

    /**
     * Appends an entry numbered at once, under the counter's lock held until the caller's transaction commits:
     * for a transaction that does nothing after this (see {@code JpaSessionStore.endAlone}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendNumbered(Signal.Kind kind, String sessionHandle, String username, String reason, Instant at) {
        long position = ((Number) em.createNativeQuery("select last_position from hp_signal_head where id = 1 for update")
                .getSingleResult()).longValue() + 1;
        em.createNativeQuery("insert into hp_signal (position, kind, session_handle, username, reason, occurred_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, position)
                .setParameter(2, kind.name())
                .setParameter(3, sessionHandle)
                .setParameter(4, username)
                .setParameter(5, reason)
                .setParameter(6, at)
                .executeUpdate();
        em.createNativeQuery("update hp_signal_head set last_position = ?1 where id = 1")
                .setParameter(1, position)
                .executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int publish() {
        if (unnumbered().isEmpty()) {
            return 0;
        }
        long last = ((Number) em.createNativeQuery("select last_position from hp_signal_head where id = 1 for update")
                .getSingleResult()).longValue();
        int numbered = 0;
        for (Object id : unnumbered()) { // again, under the lock: another publisher may have numbered them
            numbered += em.createNativeQuery("update hp_signal set position = ?1 where id = ?2 and position is null")
                    .setParameter(1, last + numbered + 1)
                    .setParameter(2, ((Number) id).longValue())
                    .executeUpdate();
        }
        em.createNativeQuery("update hp_signal_head set last_position = ?1 where id = 1")
                .setParameter(1, last + numbered)
                .executeUpdate();
        return numbered;
    }

    private List<?> unnumbered() {
        return em.createNativeQuery("select id from hp_signal where position is null order by id")
                .setMaxResults(PUBLISH_BATCH)
                .getResultList();
    }

    @Override
    public List<Signal> after(long position, Set<Signal.Kind> kinds, int limit) {
        if (kinds.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<?> rows = em.createNativeQuery("select position, kind, session_handle, username, reason, occurred_at "
                        + "from hp_signal where position > ?1 and kind in (?2) order by position")
                .setParameter(1, position)
                .setParameter(2, kinds.stream().map(Enum::name).toList())
                .setMaxResults(limit)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(r -> new Signal(((Number) r[0]).longValue(), Signal.Kind.valueOf((String) r[1]), (String) r[2],
                        (String) r[3], (String) r[4], SqlTimes.instant(r[5])))
                .toList();
    }

    @Override
    public long lastPositionBefore(Instant at) {
        Object last = em.createNativeQuery("select max(position) from hp_signal where occurred_at < ?1")
                .setParameter(1, at)
                .getSingleResult();
        return last == null ? 0 : ((Number) last).longValue();
    }

    @Override
    public int deleteOlderThan(Instant cutoff, int limit) {
        List<?> ids = em.createNativeQuery("select id from hp_signal where occurred_at < ?1 and position is not null")
                .setParameter(1, cutoff)
                .setMaxResults(limit)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery("delete from hp_signal where id in (?1)")
                .setParameter(1, ids.stream().map(id -> ((Number) id).longValue()).toList())
                .executeUpdate();
    }

    @Override
    public void create(SignalStream s) {
        em.createNativeQuery("insert into hp_signal_stream (stream_id, client_id, description, delivery, endpoint_url, "
                        + "events_requested, acked_through, created_at, last_seen_at, failures, next_attempt_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, ?10)")
                .setParameter(1, s.id())
                .setParameter(2, s.clientId())
                .setParameter(3, s.description())
                .setParameter(4, s.delivery().name())
                .setParameter(5, s.endpointUrl())
                .setParameter(6, kinds(s.events()))
                .setParameter(7, s.ackedThrough())
                .setParameter(8, s.createdAt())
                .setParameter(9, s.lastSeenAt())
                .setParameter(10, s.nextAttemptAt())
                .executeUpdate();
    }

    private static final String STREAM_COLUMNS = "select stream_id, client_id, description, delivery, endpoint_url, "
            + "events_requested, acked_through, created_at, last_seen_at, failures, next_attempt_at from hp_signal_stream ";

    @Override
    public Optional<SignalStream> find(String id) {
        return streams(em.createNativeQuery(STREAM_COLUMNS + "where stream_id = ?1").setParameter(1, id).getResultList())
                .stream().findFirst();
    }

    @Override
    public List<SignalStream> ofClient(String clientId) {
        return streams(em.createNativeQuery(STREAM_COLUMNS + "where client_id = ?1 order by created_at")
                .setParameter(1, clientId).getResultList());
    }

    @Override
    public List<SignalStream> pushDue(Instant now) {
        return streams(em.createNativeQuery(STREAM_COLUMNS + "where delivery = 'PUSH' and next_attempt_at <= ?1")
                .setParameter(1, now).getResultList());
    }

    @Override
    public void update(SignalStream s) {
        em.createNativeQuery("update hp_signal_stream set description = ?1, events_requested = ?2 where stream_id = ?3")
                .setParameter(1, s.description())
                .setParameter(2, kinds(s.events()))
                .setParameter(3, s.id())
                .executeUpdate();
    }

    @Override
    public boolean advance(String id, long from, long to, Instant at) {
        return em.createNativeQuery("update hp_signal_stream set acked_through = ?1, last_seen_at = ?2, failures = 0, "
                        + "next_attempt_at = ?2 where stream_id = ?3 and acked_through = ?4")
                .setParameter(1, to)
                .setParameter(2, at)
                .setParameter(3, id)
                .setParameter(4, from)
                .executeUpdate() == 1;
    }

    @Override
    public void seen(String id, Instant at) {
        em.createNativeQuery("update hp_signal_stream set last_seen_at = ?1 where stream_id = ?2")
                .setParameter(1, at)
                .setParameter(2, id)
                .executeUpdate();
    }

    @Override
    public void failed(String id, int failures, Instant nextAttemptAt) {
        em.createNativeQuery("update hp_signal_stream set failures = ?1, next_attempt_at = ?2 where stream_id = ?3")
                .setParameter(1, failures)
                .setParameter(2, nextAttemptAt)
                .setParameter(3, id)
                .executeUpdate();
    }

    @Override
    public boolean delete(String id) {
        return em.createNativeQuery("delete from hp_signal_stream where stream_id = ?1").setParameter(1, id).executeUpdate() == 1;
    }

    @Override
    public boolean holdPushLease(String holder, Instant now, Instant until) {
        return leases.tryAcquire("signal-push", holder, now, until);
    }

    @Override
    public int deleteNotSeenSince(Instant cutoff, int limit) {
        List<?> ids = em.createNativeQuery("select stream_id from hp_signal_stream where last_seen_at < ?1")
                .setParameter(1, cutoff)
                .setMaxResults(limit)
                .getResultList();
        return ids.isEmpty() ? 0 : em.createNativeQuery("delete from hp_signal_stream where stream_id in (?1)")
                .setParameter(1, ids).executeUpdate();
    }

    private static String kinds(Set<Signal.Kind> kinds) {
        return kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static List<SignalStream> streams(List<?> rows) {
        return rows.stream().map(row -> (Object[]) row).map(r -> new SignalStream((String) r[0], (String) r[1],
                (String) r[2], SignalStream.Delivery.valueOf((String) r[3]), (String) r[4],
                Arrays.stream(((String) r[5]).split(",")).filter(k -> !k.isEmpty()).map(Signal.Kind::valueOf)
                        .collect(Collectors.toSet()),
                ((Number) r[6]).longValue(), SqlTimes.instant(r[7]), SqlTimes.instant(r[8]), ((Number) r[9]).intValue(), SqlTimes.instant(r[10])))
                .toList();
    }
}
