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
 * Retention: removes what is no longer needed, in small batches with a short transaction each, on
 * whichever node holds the database lease at the time. Sessions that ended (or ran out) longer than
 * {@code hallpass.session.retention} ago; refresh tokens expired longer than
 * {@code hallpass.token.refresh-retention} ago, and every refresh successor whose grace window has
 * passed; security events older than {@code hallpass.audit.retention}; networks a user has not logged
 * in from for {@code hallpass.audit.known-network-retention}; revocation feed entries older than
 * {@code hallpass.signals.retention} and feed streams nobody polled (or that took no push) for
 * {@code hallpass.signals.stream-retention}; deleted (and erased) documents after
 * {@code hallpass.data.tombstone-retention}. Nothing else deletes from those tables,
 * so without this they would grow for ever (review M5).
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
    JpaRefreshTokenRepository refreshTokens;

    @Inject
    JpaSecurityEventRepository securityEvents;

    @Inject
    JpaKnownNetworkRepository knownNetworks;

    @Inject
    JpaLeases leases;

    @Inject
    JpaSignals signals;

    @Inject
    @Database
    JpaDataStore data;

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

    @Inject
    @ConfigProperty(name = "hallpass.token.refresh-retention", defaultValue = "PT24H")
    Duration refreshRetention;

    @Inject
    @ConfigProperty(name = "hallpass.token.refresh-grace", defaultValue = "PT10S")
    Duration refreshGrace;

    @Inject
    @ConfigProperty(name = "hallpass.audit.retention", defaultValue = "P90D")
    Duration eventRetention;

    @Inject
    @ConfigProperty(name = "hallpass.audit.known-network-retention", defaultValue = "P180D")
    Duration networkRetention;

    @Inject
    @ConfigProperty(name = "hallpass.signals.retention", defaultValue = "P1D")
    Duration signalRetention;

    @Inject
    @ConfigProperty(name = "hallpass.signals.stream-retention", defaultValue = "P7D")
    Duration streamRetention;

    @Inject
    @ConfigProperty(name = "hallpass.data.tombstone-retention", defaultValue = "P1D")
    Duration tombstoneRetention;

    /** One table's cleanup: deletes up to {@code limit} rows older than the cutoff, returns how many. */
    private interface Sweep {
        int delete(Instant cutoff, int limit);
    }

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final String node = UUID.randomUUID().toString();
    private ScheduledFuture<?> schedule;

    void start(@Observes Startup startup) {
        long millis = interval.toMillis();
        schedule = scheduler.scheduleWithFixedDelay(this::runQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** One run: deletes batch after batch while this node holds the lease; returns how many sessions went. */
    public int run() {
        int sessionsDeleted = sweep("ended sessions", retention, sessions::deleteEndedBefore);
        Instant now = clock.instant();
        if (leases.tryAcquire(LEASE, node, now, now.plus(interval))) {
            refreshTokens.clearSuccessorsRotatedBefore(now.minus(refreshGrace));
        }
        sweep("expired refresh tokens", refreshRetention, refreshTokens::deleteExpiredBefore);
        sweep("security events", eventRetention, securityEvents::deleteOlderThan);
        sweep("deleted documents", tombstoneRetention, data::deleteTombstonesBefore);
        sweep("known networks", networkRetention, knownNetworks::forgetNotSeenSince);
        sweep("revocation feed entries", signalRetention, signals::deleteOlderThan);
        sweep("feed streams nobody polled", streamRetention, signals::deleteNotSeenSince);
        return sessionsDeleted;
    }

    private int sweep(String what, Duration keep, Sweep sweep) {
        int deleted = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            Instant now = clock.instant();
            if (!leases.tryAcquire(LEASE, node, now, now.plus(interval))) {
                break;
            }
            int removed = sweep.delete(now.minus(keep), batchSize);
            deleted += removed;
            if (removed < batchSize) {
                break;
            }
        }
        if (deleted > 0) {
            int count = deleted;
            LOG.info(() -> "Removed " + count + " " + what + " older than " + keep);
        }
        return deleted;
    }

    private void runQuietly() {
        try {
            run();
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
