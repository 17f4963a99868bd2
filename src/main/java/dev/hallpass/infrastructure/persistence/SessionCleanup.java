package dev.hallpass.infrastructure.persistence;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Removes sessions that ended (or ran out) longer than the retention ago, in small batches with a
 * short transaction each, on whichever node holds the database lease at the time.
 */
@ApplicationScoped
public class SessionCleanup {

    static final String LEASE = "session-cleanup";
    private static final Logger LOG = Logger.getLogger(SessionCleanup.class.getName());
    private static final int MAX_BATCHES_PER_RUN = 1_000;

    @Inject
    @Database
    JpaSessionStore sessions;

    @Inject
    JpaLeases leases;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hallpass.session.cleanup-interval", defaultValue = "PT5M")
    Duration interval;

    @Inject
    @ConfigProperty(name = "hallpass.session.retention", defaultValue = "PT24H")
    Duration retention;

    @Inject
    @ConfigProperty(name = "hallpass.session.cleanup-batch-size", defaultValue = "500")
    int batchSize;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final String node = UUID.randomUUID().toString();
    private ScheduledFuture<?> schedule;

    void start(@Observes Startup startup) {
        long millis = interval.toMillis();
        schedule = scheduler.scheduleWithFixedDelay(this::runQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** One run: deletes batch after batch while this node holds the lease; returns how many went. */
    public int run() {
        int deleted = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            Instant now = clock.instant();
            if (!leases.tryAcquire(LEASE, node, now, now.plus(interval))) {
                break;
            }
            int removed = sessions.deleteEndedBefore(now.minus(retention), batchSize);
            deleted += removed;
            if (removed < batchSize) {
                break;
            }
        }
        return deleted;
    }

    private void runQuietly() {
        try {
            int deleted = run();
            if (deleted > 0) {
                LOG.info(() -> "Removed " + deleted + " ended sessions older than " + retention);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Session cleanup failed; it runs again in " + interval, e);
        }
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
