package dev.hallpass.session.boundary;

import dev.hallpass.infrastructure.metrics.ApplicationMetrics;
import dev.hallpass.session.control.SessionDirectory;
import dev.hallpass.session.control.SessionFilter;
import dev.hallpass.session.entity.EndReason;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Sessions and logins as MicroProfile Metrics. Counters are this node's (Prometheus adds the nodes
 * up); the live-session gauge is the cluster's, counted in the database, so every node reports the
 * same number (aggregate it with {@code max}, not {@code sum}). The dashboard reads the same gauge.
 */
@ApplicationScoped
public class SessionMetrics {

    /** How a login attempt (or a password confirmation) came out. */
    public enum LoginResult { SUCCEEDED, FAILED, THROTTLED, REFUSED_BY_LIMIT }

    /** A count read at a moment: the gauge and the dashboard share it. */
    public record Count(long value, Instant at) {
    }

    @Inject
    @ApplicationMetrics
    MetricRegistry registry;

    @Inject
    SessionDirectory directory;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hallpass.metrics.live-sessions-max-age", defaultValue = "PT10S")
    Duration liveMaxAge;

    private final Map<EndReason, Counter> ended = new EnumMap<>(EndReason.class);
    private final Map<LoginResult, Counter> logins = new EnumMap<>(LoginResult.class);
    private Counter created;
    private Histogram duration;
    private volatile Count live;

    /** Created at start (not at first use), so that every series is there from the first scrape. */
    void atStart(@Observes Startup startup) {
        // the observer call itself instantiated the bean and ran register()
    }

    @PostConstruct
    void register() {
        registry.gauge(Metadata.builder().withName("hallpass.sessions.active")
                .withDescription("Live sessions in the whole cluster (counted in the database, at most "
                        + "hallpass.metrics.live-sessions-max-age old; the same on every node)").build(),
                this, SessionMetrics::scrapeLiveSessions);
        created = registry.counter(Metadata.builder().withName("hallpass.sessions.created")
                .withDescription("Sessions started on this node (logins and password changes)").build());
        Metadata ends = Metadata.builder().withName("hallpass.sessions.ended")
                .withDescription("Sessions this node ended, by reason").build();
        for (EndReason reason : EndReason.values()) {
            ended.put(reason, registry.counter(ends, new Tag("reason", label(reason))));
        }
        duration = registry.histogram(Metadata.builder().withName("hallpass.session.duration")
                .withDescription("How long sessions lasted, from login to their end (to the expiry for those that ran out)")
                .withUnit(MetricUnits.SECONDS).build());
        Metadata attempts = Metadata.builder().withName("hallpass.logins")
                .withDescription("Password checks (logins and confirmations) by result; succeeded counts started sessions").build();
        for (LoginResult result : LoginResult.values()) {
            logins.put(result, registry.counter(attempts, new Tag("result", result.name().toLowerCase(Locale.ROOT))));
        }
    }

    /** The label operators know: the reasons of the issue tracker and the dashboard, not the enum's. */
    static String label(EndReason reason) {
        return switch (reason) {
            case IDLE_TIMEOUT -> "idle";
            case ABSOLUTE_TIMEOUT -> "absolute";
            case REFRESH_TOKEN_REUSE -> "theft";
            case ACCOUNT_DISABLED -> "disabled";
            case REPLACED_BY_LOGIN -> "replaced";
            case PRIVILEGE_CHANGED -> "privileges_changed";
            default -> reason.name().toLowerCase(Locale.ROOT);
        };
    }

    public void started() {
        created.inc();
        logins.get(LoginResult.SUCCEEDED).inc();
    }

    public void login(LoginResult result) {
        logins.get(result).inc();
    }

    void onEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEnded end) {
        ended.get(end.reason()).inc();
        duration.update(end.lasted().toSeconds());
    }

    /** NaN while the database cannot answer: unknown, rather than a wrong zero. */
    private double scrapeLiveSessions() {
        try {
            return liveSessions(liveMaxAge).value();
        } catch (RuntimeException databaseDown) {
            return Double.NaN;
        }
    }

    /**
     * Live sessions across the cluster, counted again when the last count is older than {@code maxAge}
     * (zero: now). Two callers at once may both count; that is harmless.
     */
    public Count liveSessions(Duration maxAge) {
        Instant now = clock.instant();
        Count last = live;
        if (last == null || !last.at().plus(maxAge).isAfter(now)) {
            last = new Count(directory.count(SessionFilter.LIVE, now), now);
            live = last;
        }
        return last;
    }
}
