package dev.hallpass.alerting.boundary;

import dev.hallpass.alerting.control.Alert;
import dev.hallpass.alerting.control.AlertRepository;
import dev.hallpass.alerting.control.AlertRules;
import dev.hallpass.audit.boundary.SecurityEventRecorded;
import dev.hallpass.audit.entity.SecurityEvent;
import dev.hallpass.infrastructure.metrics.ApplicationMetrics;
import dev.hallpass.session.boundary.SessionEnded;
import dev.hallpass.session.control.NodeName;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Fires alerts on this node ({@link AlertRules}) from the security events it records, the sessions it ends
 * and, every {@code hallpass.alerts.check-interval}, the same readiness checks {@code /health/ready} reports.
 * Each alert is logged, kept in the database (retried until the database takes it: a database outage is
 * itself an alert) and handed to the webhook. Nothing here runs long on a request's thread.
 */
@ApplicationScoped
public class AlertMonitor {

    private static final Logger LOG = Logger.getLogger(AlertMonitor.class.getName());
    private static final int MAX_UNSAVED = 1_000;

    @Inject
    AlertRepository repository;

    @Inject
    AlertWebhook webhook;

    @Inject
    NodeName node;

    @Inject
    Clock clock;

    @Inject
    @ApplicationMetrics
    MetricRegistry metrics;

    @Inject
    @Readiness
    @Any
    Instance<HealthCheck> readiness;

    @Inject
    @ConfigProperty(name = "hallpass.alerts.events",
            defaultValue = "REFRESH_TOKEN_REUSE,SESSION_SECRET_REUSE,FIXATION_ATTEMPT,NEW_NETWORK,REFRESH_STORM")
    String events;

    @Inject
    @ConfigProperty(name = "hallpass.alerts.sessions-ended-per-minute", defaultValue = "100")
    int sessionsEndedPerMinute;

    @Inject
    @ConfigProperty(name = "hallpass.alerts.redis-down-after", defaultValue = "PT30S")
    Duration redisDownAfter;

    @Inject
    @ConfigProperty(name = "hallpass.alerts.database-down-after", defaultValue = "PT10S")
    Duration databaseDownAfter;

    @Inject
    @ConfigProperty(name = "hallpass.alerts.cool-down", defaultValue = "PT10M")
    Duration coolDown;

    @Inject
    @ConfigProperty(name = "hallpass.alerts.check-interval", defaultValue = "PT5S")
    Duration checkInterval;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    private AlertRules rules;
    /** Alerts whose latest state the database has not taken yet, by id. */
    private final Map<String, Alert> unsaved = new ConcurrentHashMap<>();
    private volatile boolean redisAvailable = true;
    private volatile boolean databaseAvailable = true;
    private ScheduledFuture<?> schedule;

    @PostConstruct
    void configure() {
        Set<SecurityEvent.Type> chosen = Arrays.stream(events.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(name -> SecurityEvent.Type.valueOf(name.toUpperCase(Locale.ROOT))).collect(Collectors.toSet());
        rules = new AlertRules(new AlertRules.Settings(chosen, sessionsEndedPerMinute, redisDownAfter, databaseDownAfter, coolDown));
        metrics.gauge(Metadata.builder().withName("hallpass.redis.available")
                .withDescription("1 while this node's Redis is usable, 0 while its breaker is open or pub/sub is down "
                        + "(1 as well when the node runs without Redis)").build(), this, m -> m.redisAvailable ? 1 : 0);
        metrics.gauge(Metadata.builder().withName("hallpass.database.available")
                .withDescription("1 while the database answers this node (its readiness check), 0 when not").build(),
                this, m -> m.databaseAvailable ? 1 : 0);
    }

    void start(@Observes Startup startup) {
        long millis = Math.max(100, checkInterval.toMillis());
        schedule = scheduler.scheduleWithFixedDelay(this::checkQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    void onSecurityEvent(@Observes SecurityEventRecorded event) {
        rules.securityEvent(event.type(), event.username(), event.at()).ifPresent(this::raise);
    }

    void onEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEnded ended) {
        rules.sessionEnded(ended.reason(), clock.instant()).ifPresent(this::raise);
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The alert check failed; trying again in " + checkInterval, e);
        }
    }

    /** The stores as readiness sees them, then whatever the database could not take before. */
    void check() {
        Optional<Boolean> redisUp = Optional.empty();
        boolean databaseUp = true;
        for (HealthCheck check : readiness) {
            HealthCheckResponse response = check.call();
            if ("database".equals(response.getName())) {
                databaseUp = response.getStatus() == HealthCheckResponse.Status.UP;
            } else if ("redis".equals(response.getName())) {
                String state = response.getData().map(data -> String.valueOf(data.get("state"))).orElse("");
                redisUp = state.equals("not configured") ? Optional.empty() : Optional.of(state.equals("up"));
            }
        }
        redisAvailable = redisUp.orElse(true);
        databaseAvailable = databaseUp;
        rules.stores(redisUp, databaseUp, clock.instant()).forEach(this::raise);
        if (databaseUp) {
            saveUnsaved();
        }
    }

    private void raise(AlertRules.Firing firing) {
        Alert alert = new Alert(UUID.randomUUID().toString(), firing.kind(), firing.severity(), firing.subject(),
                firing.summary(), node.value(), clock.instant(),
                webhook.configured() ? Alert.Delivery.PENDING : Alert.Delivery.NOT_CONFIGURED, 0, null);
        LOG.warning(() -> "alert kind=" + alert.kind() + " severity=" + alert.severity() + " id=" + alert.id() + " " + alert.summary());
        updated(alert);
        webhook.deliver(alert, this::updated);
    }

    /** The alert's latest state, to be kept; written off the caller's thread (a request's, or the HTTP client's). */
    void updated(Alert alert) {
        if (unsaved.size() < MAX_UNSAVED || unsaved.containsKey(alert.id())) {
            unsaved.put(alert.id(), alert);
        }
        try {
            executor.execute(this::saveUnsaved);
        } catch (RuntimeException busy) {
            // kept in memory: the next check saves it
        }
    }

    /** One saver at a time: two would both find no row and insert the same alert twice. */
    private synchronized void saveUnsaved() {
        for (Alert alert : List.copyOf(unsaved.values())) {
            try {
                repository.save(alert);
                unsaved.remove(alert.id(), alert);
            } catch (RuntimeException e) {
                LOG.log(Level.INFO, "Alert " + alert.id() + " not saved yet (" + e + "); trying again at the next check");
                return; // the database is away: the next check tries again
            }
        }
    }

    public List<Alert> recent(int limit) {
        return repository.recent(limit);
    }
}
