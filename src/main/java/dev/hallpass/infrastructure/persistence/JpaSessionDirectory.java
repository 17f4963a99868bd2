package dev.hallpass.infrastructure.persistence;

import dev.hallpass.session.control.SessionDirectory;
import dev.hallpass.session.control.SessionFilter;
import dev.hallpass.session.control.SessionRow;
import dev.hallpass.session.control.SessionSort;
import dev.hallpass.session.entity.Session;
import dev.hallpass.session.entity.SessionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console's session search in the database. "Live" is {@code status = ACTIVE and idle expiry >
 * now} (idle expiry never lies after absolute expiry), which the index on (status, idle expiry)
 * counts exactly without reading the table ({@code count(*)}: counting a column would read every row); the first page by last seen or created comes from the
 * matching (status, …) index, a user's sessions from (username, status).
 */
@ApplicationScoped
@Transactional
public class JpaSessionDirectory implements SessionDirectory {

    private static final Map<SessionSort.Column, String> ORDER = Map.of(
            SessionSort.Column.USER, "s.username",
            SessionSort.Column.IP, "s.ipAddress",
            SessionSort.Column.DEVICE, "s.device",
            SessionSort.Column.CREATED, "s.createdAt",
            SessionSort.Column.LAST_SEEN, "s.lastSeenAt",
            SessionSort.Column.IDLE_EXPIRY, "s.idleExpiresAt",
            SessionSort.Column.ABSOLUTE_EXPIRY, "s.absoluteExpiresAt",
            SessionSort.Column.NODE, "s.node");

    @PersistenceContext(unitName = "hallpass")
    EntityManager em;

    @Override
    public long count(SessionFilter filter, Instant now) {
        return where(filter, now).query(em, "select count(*) from Session s", "", Long.class).getSingleResult();
    }

    @Override
    public List<SessionRow> page(SessionFilter filter, SessionSort sort, Instant now, int offset, int limit) {
        String direction = sort.ascending() ? " asc" : " desc";
        String order = " order by " + ORDER.get(sort.column()) + direction + ", s.handle" + direction;
        return where(filter, now).query(em, "select s from Session s", order, Session.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList().stream()
                .map(session -> row(session, now))
                .toList();
    }

    @Override
    public List<String> liveHandles(SessionFilter live, Instant now, int limit) {
        return where(live, now).query(em, "select s.handle from Session s", " order by s.createdAt, s.handle", String.class)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<String> runOut(Instant now, int limit) {
        // the idle expiry never passes the absolute one, so it alone finds both; index (status, idle_expires_at)
        return em.createQuery("select s.handle from Session s where s.status = :active and s.idleExpiresAt <= :now "
                        + "order by s.idleExpiresAt", String.class)
                .setParameter("active", SessionStatus.ACTIVE)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<MinuteCount> endsPerMinute(Instant from, Instant to) {
        return PerMinute.counts(em, """
                select bucket, kind, count(*) from (
                  select floor(extract(epoch from ended_at) / 60) as bucket, end_reason as kind
                  from hp_session where ended_at >= ?1 and ended_at < ?2
                  union all
                  select floor(extract(epoch from idle_expires_at) / 60) as bucket,
                         case when idle_expires_at = absolute_expires_at then 'ABSOLUTE_TIMEOUT' else 'IDLE_TIMEOUT' end
                  from hp_session where status = 'ACTIVE' and idle_expires_at >= ?1 and idle_expires_at < ?2
                ) ends group by bucket, kind""", from, to)
                .stream().map(c -> new MinuteCount(c.minute(), c.kind(), c.count())).toList();
    }

    private static JpqlConditions where(SessionFilter filter, Instant now) {
        JpqlConditions where = new JpqlConditions();
        filter.username().ifPresent(u -> where.and("s.username = :user", "user", u));
        filter.ipPrefix().ifPresent(ip -> where.and("s.ipAddress like :ip", "ip", ip + "%"));
        filter.device().ifPresent(d -> where.and("lower(s.device) like :device", "device", "%" + d.toLowerCase(Locale.ROOT) + "%"));
        filter.createdBefore().ifPresent(t -> where.and("s.createdAt < :createdBefore", "createdBefore", t));
        // roles are stored space-separated: padded, a role matches whole, never as part of another
        filter.role().ifPresent(r -> where.and("concat(' ', s.roles, ' ') like :role escape '!'", "role",
                "% " + r.replace("!", "!!").replace("_", "!_").replace("%", "!%") + " %"));
        switch (filter.state()) {
            case LIVE -> where.and("s.status = :active and s.idleExpiresAt > :now", "active", SessionStatus.ACTIVE)
                    .bind("now", now);
            case EXPIRED -> where.and("(s.status = :expired or (s.status = :active and s.idleExpiresAt <= :now))",
                    "expired", SessionStatus.EXPIRED).bind("active", SessionStatus.ACTIVE).bind("now", now);
            case ANY -> { }
            default -> where.and("s.status = :status", "status", SessionStatus.valueOf(filter.state().name()));
        }
        return where;
    }

    private static SessionRow row(Session s, Instant now) {
        return new SessionRow(s.handle(), s.username(), s.ipAddress(), s.device(), s.userAgent(), s.createdAt(),
                s.lastSeenAt(), s.idleExpiresAt(), s.absoluteExpiresAt(), s.rememberMe(), s.node(), state(s, now),
                s.endReason().map(Enum::name).orElse(null), s.endedAt().orElse(null));
    }

    private static SessionFilter.State state(Session s, Instant now) {
        if (s.status() == SessionStatus.ACTIVE) {
            return s.idleExpiresAt().isAfter(now) ? SessionFilter.State.LIVE : SessionFilter.State.EXPIRED;
        }
        return SessionFilter.State.valueOf(s.status().name());
    }

    @Override
    public Map<String, LastSeen> lastSeen(Collection<String> usernames, Instant now) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        Map<String, LastSeen> seen = new HashMap<>();
        List<Object[]> rows = em.createQuery("select s.username, max(s.lastSeenAt), max(case when s.status = :active "
                        + "and s.idleExpiresAt > :now and s.absoluteExpiresAt > :now then s.lastSeenAt end) "
                        + "from Session s where s.username in :users group by s.username", Object[].class)
                .setParameter("active", SessionStatus.ACTIVE)
                .setParameter("now", now)
                .setParameter("users", usernames)
                .getResultList();
        for (Object[] row : rows) {
            seen.put((String) row[0], new LastSeen((Instant) row[1], (Instant) row[2]));
        }
        return seen;
    }
}
