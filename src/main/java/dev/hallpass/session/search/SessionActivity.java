package dev.hallpass.session.search;

import dev.hallpass.audit.boundary.SecurityEvents;
import dev.hallpass.audit.entity.SecurityEvent;
import dev.hallpass.session.boundary.SessionMetrics;
import dev.hallpass.session.control.SessionDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's numbers: live sessions now, and logins and session ends per minute over a window.
 * Logins come from the security events, ends from the sessions themselves (a session that ran out
 * without another request counts at its expiry), so every end is seen, not only those a request found.
 */
@ApplicationScoped
public class SessionActivity {

    public static final Duration LONGEST_WINDOW = Duration.ofHours(24);

    /** The end reasons an operator tells apart; the rest are "other". */
    public enum EndKind { LOGOUT, IDLE, ABSOLUTE, KILLED, EVICTED, THEFT, OTHER }

    private static final Map<String, EndKind> KINDS = Map.of(
            "LOGOUT", EndKind.LOGOUT, "LOGOUT_ALL", EndKind.LOGOUT,
            "IDLE_TIMEOUT", EndKind.IDLE, "ABSOLUTE_TIMEOUT", EndKind.ABSOLUTE,
            "KILLED", EndKind.KILLED, "EVICTED", EndKind.EVICTED, "REFRESH_TOKEN_REUSE", EndKind.THEFT);

    /** Per-minute series over {@code minutes} (each a minute's start), and the window's ends by kind. */
    public record Activity(long liveNow, List<Instant> minutes, List<Long> logins, List<Long> ends,
                           Map<EndKind, Long> endsByKind) {
    }

    @Inject
    SessionDirectory directory;

    @Inject
    SecurityEvents events;

    /** Live sessions come from the gauge {@code /metrics} serves: one number, counted afresh here. */
    @Inject
    SessionMetrics metrics;

    @Inject
    Clock clock;

    public Activity activity(Duration window) {
        if (window.compareTo(Duration.ofMinutes(1)) < 0 || window.compareTo(LONGEST_WINDOW) > 0) {
            throw new IllegalArgumentException("the window must be between one minute and " + LONGEST_WINDOW);
        }
        Instant now = clock.instant();
        Instant to = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        Instant from = to.minus(Duration.ofMinutes(window.toMinutes()));
        Map<Instant, Long> logins = events.perMinute(SecurityEvent.Type.LOGIN_SUCCEEDED, from, to);
        Map<Instant, Long> ends = new LinkedHashMap<>();
        Map<EndKind, Long> byKind = new LinkedHashMap<>();
        for (EndKind kind : EndKind.values()) {
            byKind.put(kind, 0L);
        }
        for (SessionDirectory.MinuteCount count : directory.endsPerMinute(from, now)) {
            ends.merge(count.minute(), count.count(), Long::sum);
            byKind.merge(KINDS.getOrDefault(count.kind(), EndKind.OTHER), count.count(), Long::sum);
        }
        List<Instant> minutes = new ArrayList<>();
        List<Long> loginSeries = new ArrayList<>();
        List<Long> endSeries = new ArrayList<>();
        for (Instant minute = from; minute.isBefore(to); minute = minute.plus(Duration.ofMinutes(1))) {
            minutes.add(minute);
            loginSeries.add(logins.getOrDefault(minute, 0L));
            endSeries.add(ends.getOrDefault(minute, 0L));
        }
        return new Activity(metrics.liveSessions(Duration.ZERO).value(), minutes, loginSeries, endSeries, byKind);
    }
}
