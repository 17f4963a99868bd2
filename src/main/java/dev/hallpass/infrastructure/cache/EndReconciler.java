package dev.hallpass.infrastructure.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hallpass.infrastructure.persistence.Database;
import dev.hallpass.infrastructure.persistence.JpaSessionStore.Ended;
import dev.hallpass.infrastructure.persistence.JpaSessionStore;
import dev.hallpass.session.control.SessionEndAnnounced;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes the caches agree with the database, whatever was lost on the way. Every
 * {@code hallpass.cache.reconcile-interval} (1 s) each node reads the sessions that ended in the last few
 * seconds, adds them to its {@link RecentlyEndedSessions} (so neither their cached entries nor their access tokens
 * are believed here any more), drops them from its local cache and overwrites their Redis entries with
 * tombstones. At start, whenever its pub/sub link comes back and whenever Redis itself restarted (its run
 * id changed: a restart from an old snapshot, a failover), it does the same for every end that can still
 * matter. An end whose Redis write failed is simply written again at the next pass, which reads from the
 * start of the first failed pass for as long as Redis refuses writes (a paused or read-only Redis): the
 * database is the queue, nothing waits in memory. Each pass also drops the secrets that rotations replaced
 * in that time from the local cache and Redis: they are accepted only through the database, for their overlap.
 */
@ApplicationScoped
public class EndReconciler {

    private static final Logger LOG = Logger.getLogger(EndReconciler.class.getName());
    /** How far back each pass looks: covers a transaction that committed a while after it stamped ended_at, and clock skew. */
    static final Duration LOOKBACK = Duration.ofSeconds(10);

    @Inject
    @Database
    JpaSessionStore database;

    @Inject
    RecentlyEndedSessions endedSessions;

    @Inject
    LocalSessionCache local;

    @Inject
    RedisSessionCache shared;

    @Inject
    Event<SessionEndAnnounced> announced;

    @Inject
    LayeredDataStore data;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hallpass.cache.reconcile-interval", defaultValue = "PT1S")
    Duration interval;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Ends whose tombstone Redis has taken (and replaced secrets it has dropped) since its last restart: not written again each second. */
    private Cache<String, Boolean> written;
    private Instant lastPass;
    /** Where the first pass whose tombstones Redis refused began: later passes read from there until Redis takes them. */
    private Instant unwrittenSince;
    private String redisRunId;
    private volatile boolean fullPassDue = true;
    private ScheduledFuture<?> passes;

    @PostConstruct
    void build() {
        written = Caffeine.newBuilder().expireAfterWrite(endedSessions.window()).maximumSize(2_000_000).build();
    }

    /** Before any request: what ended while this node was not running is known at once. */
    void start(@Observes @Priority(260) Startup startup) {
        passQuietly();
        if (!interval.isZero()) {
            long millis = interval.toMillis();
            passes = scheduler.scheduleWithFixedDelay(this::passQuietly, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** The next pass covers every end that can still matter (the pub/sub link was down, Redis may have lost writes). */
    public void fullPassSoon() {
        fullPassDue = true;
    }

    synchronized void pass() {
        Instant now = clock.instant();
        Optional<String> runId = shared.runId();
        if (runId.isPresent() && redisRunId != null && !runId.get().equals(redisRunId)) {
            LOG.warning("Redis restarted or failed over (new run id): writing every recent session end to it again");
            fullPassDue = true;
            data.forgetShared();
        }
        runId.ifPresent(id -> redisRunId = id);
        boolean full = fullPassDue || lastPass == null;
        fullPassDue = false;
        Instant oldest = now.minus(endedSessions.window());
        Instant since = full ? oldest : unwrittenSince != null ? unwrittenSince : lastPass.minus(LOOKBACK);
        since = since.isBefore(oldest) ? oldest : since;
        List<Ended> ends;
        List<String> replacedSecrets;
        try {
            ends = database.findEndedSince(since);
            replacedSecrets = database.findReplacedSecretsSince(since);
        } catch (RuntimeException databaseDown) {
            fullPassDue = full;
            throw databaseDown;
        }
        lastPass = now;
        if (full) {
            written.invalidateAll();
        }
        boolean redisTookThem = apply(ends, !full);
        forgetReplaced(replacedSecrets);
        unwrittenSince = redisTookThem ? null : since;
    }

    /**
     * Ends this node made, once committed, or found without having been told (a touch found the session
     * ended in the database): refused here at once, tombstoned in Redis and announced to every node. If Redis
     * does not take them now, the next pass writes the tombstone (the other nodes' passes find them anyway).
     */
    void announce(Collection<Ended> ends) {
        for (Ended end : ends) {
            endedSessions.add(end.handle());
            local.invalidate(end.secretHash());
            if (shared.markEnded(end)) {
                written.put(end.handle(), Boolean.TRUE);
            }
        }
    }

    /** Whether Redis took every tombstone (or there were none to write). */
    private boolean apply(List<Ended> ends, boolean tellStreams) {
        List<Ended> unwritten = ends.stream().filter(end -> written.getIfPresent(end.handle()) == null).toList();
        for (Ended end : unwritten) {
            local.invalidate(end.secretHash());
            if (endedSessions.add(end.handle()) && tellStreams && end.reason() != null) {
                // this node was never told (a lost message): its event streams of the session hear it now
                announced.fire(new SessionEndAnnounced(end.handle(), end.reason()));
            }
        }
        if (!shared.markAllEnded(unwritten)) {
            return false;
        }
        unwritten.forEach(end -> written.put(end.handle(), Boolean.TRUE));
        return true;
    }

    /**
     * Secrets that rotations replaced: a cached entry under one would present it as current, past its overlap.
     * Dropped here and in Redis every pass that finds them (a Redis restored from an old snapshot included).
     */
    private void forgetReplaced(List<String> replacedSecrets) {
        for (String secretHash : replacedSecrets) {
            String key = "replaced " + secretHash; // the same memory as ends: a full pass forgets it again
            if (written.getIfPresent(key) == null) {
                local.invalidate(secretHash);
                shared.forget(secretHash);
                written.put(key, Boolean.TRUE);
            }
        }
    }

    private void passQuietly() {
        try {
            pass();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not reconcile the session caches with the database; trying again", e);
        }
    }

    @PreDestroy
    void stop() {
        if (passes != null) {
            passes.cancel(false);
        }
    }
}
