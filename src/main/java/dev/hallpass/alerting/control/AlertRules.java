package dev.hallpass.alerting.control;

import dev.hallpass.alerting.control.Alert.Kind;
import dev.hallpass.alerting.control.Alert.Severity;
import dev.hallpass.audit.entity.SecurityEvent;
import dev.hallpass.session.entity.EndReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When an alert fires, from what one node sees: a chosen security event; more session ends in a minute than
 * the threshold (sessions that ran out are not counted: an expiry sweep ends thousands at once by design);
 * Redis or the database unusable for longer than their bound, and again when they are back. The same alert
 * (kind and subject) fires at most once per cool-down, so a flood becomes one message, not thousands.
 */
public final class AlertRules {

    /** The settings; {@code sessionsEndedPerMinute} 0 turns that rule off. */
    public record Settings(Set<SecurityEvent.Type> events, int sessionsEndedPerMinute, Duration redisDownAfter,
                           Duration databaseDownAfter, Duration coolDown) {
        public Settings {
            events = Set.copyOf(events);
            if (sessionsEndedPerMinute < 0 || redisDownAfter.isNegative() || databaseDownAfter.isNegative() || coolDown.isNegative()) {
                throw new IllegalArgumentException("hallpass.alerts.* thresholds must not be negative");
            }
        }
    }

    /** An alert to raise. */
    public record Firing(Kind kind, Severity severity, String subject, String summary) {
    }

    private static final Set<SecurityEvent.Type> CRITICAL_EVENTS = Set.of(SecurityEvent.Type.REFRESH_TOKEN_REUSE,
            SecurityEvent.Type.SESSION_SECRET_REUSE, SecurityEvent.Type.FIXATION_ATTEMPT);
    private static final int MAX_REMEMBERED = 10_000;

    private final Settings settings;
    private final Map<String, Instant> lastFired = new HashMap<>();
    private final ArrayDeque<Instant> recentEnds = new ArrayDeque<>();
    private final Map<Kind, Instant> downSince = new HashMap<>();
    private final Map<Kind, Boolean> downReported = new HashMap<>();

    public AlertRules(Settings settings) {
        this.settings = settings;
    }

    public synchronized Optional<Firing> securityEvent(SecurityEvent.Type type, String username, Instant at) {
        if (!settings.events().contains(type)) {
            return Optional.empty();
        }
        String name = type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String subject = type.name() + (username == null ? "" : " " + username);
        return fire(Kind.SECURITY_EVENT, subject, at, new Firing(Kind.SECURITY_EVENT,
                CRITICAL_EVENTS.contains(type) ? Severity.CRITICAL : Severity.WARNING, subject,
                "Security event " + name + (username == null ? "" : " for user " + username)));
    }

    public synchronized Optional<Firing> sessionEnded(EndReason reason, Instant at) {
        int threshold = settings.sessionsEndedPerMinute();
        if (threshold == 0 || reason == EndReason.IDLE_TIMEOUT || reason == EndReason.ABSOLUTE_TIMEOUT) {
            return Optional.empty();
        }
        recentEnds.addLast(at);
        Instant windowStart = at.minus(Duration.ofMinutes(1));
        while (!recentEnds.isEmpty() && recentEnds.peekFirst().isBefore(windowStart)) {
            recentEnds.removeFirst();
        }
        while (recentEnds.size() > threshold + 1) {
            recentEnds.removeFirst(); // the count only needs to reach the threshold
        }
        if (recentEnds.size() <= threshold) {
            return Optional.empty();
        }
        return fire(Kind.SESSIONS_ENDED, "sessions ended", at, new Firing(Kind.SESSIONS_ENDED, Severity.WARNING,
                "sessions ended", "More than " + threshold + " sessions ended on this node within a minute (idle and absolute timeouts not counted)"));
    }

    /**
     * What the readiness checks say now: {@code redisUp} empty when Redis is not configured. Fires a store's
     * DOWN alert once it has been down for its bound, and its RECOVERED alert when it is back after that.
     */
    public synchronized List<Firing> stores(Optional<Boolean> redisUp, boolean databaseUp, Instant at) {
        List<Firing> firings = new ArrayList<>();
        redisUp.ifPresent(up -> store(Kind.REDIS_DOWN, Kind.REDIS_RECOVERED, "Redis", up, settings.redisDownAfter(),
                Severity.WARNING, "serving from the database, slower; ends between nodes rely on the reconcile pass", at)
                .ifPresent(firings::add));
        store(Kind.DATABASE_DOWN, Kind.DATABASE_RECOVERED, "the database", databaseUp, settings.databaseDownAfter(),
                Severity.CRITICAL, "this node is not ready: logins and session checks that miss the caches fail", at)
                .ifPresent(firings::add);
        return firings;
    }

    private Optional<Firing> store(Kind down, Kind recovered, String name, boolean up, Duration after, Severity severity,
                                   String consequence, Instant at) {
        if (up) {
            downSince.remove(down);
            if (Boolean.TRUE.equals(downReported.remove(down))) {
                return Optional.of(new Firing(recovered, Severity.INFO, name, name + " is usable again on this node"));
            }
            return Optional.empty();
        }
        Instant since = downSince.computeIfAbsent(down, k -> at);
        if (downReported.containsKey(down) || Duration.between(since, at).compareTo(after) < 0) {
            return Optional.empty();
        }
        downReported.put(down, true);
        return Optional.of(new Firing(down, severity, name, name + " unusable on this node for "
                + Duration.between(since, at).toSeconds() + " s: " + consequence));
    }

    private Optional<Firing> fire(Kind kind, String subject, Instant at, Firing firing) {
        String key = kind + "/" + subject;
        Instant last = lastFired.get(key);
        if (last != null && Duration.between(last, at).compareTo(settings.coolDown()) < 0) {
            return Optional.empty();
        }
        if (lastFired.size() >= MAX_REMEMBERED) {
            lastFired.values().removeIf(when -> Duration.between(when, at).compareTo(settings.coolDown()) >= 0);
        }
        lastFired.put(key, at);
        return Optional.of(firing);
    }

    /** How long to wait before webhook attempt {@code attempt} (2, 3, …): 1 s, 2 s, 4 s, … at most 5 minutes. */
    public static Duration retryDelay(int attempt) {
        return Duration.ofSeconds(Math.min(300, 1L << Math.min(20, Math.max(0, attempt - 2))));
    }
}
