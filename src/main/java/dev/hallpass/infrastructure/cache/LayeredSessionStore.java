package dev.hallpass.infrastructure.cache;

import dev.hallpass.infrastructure.cache.SessionCacheMetrics.Layer;
import dev.hallpass.infrastructure.persistence.Database;
import dev.hallpass.infrastructure.persistence.JpaSessionStore;
import dev.hallpass.infrastructure.persistence.JpaSessionStore.Touch;
import dev.hallpass.session.control.EndedSession;
import dev.hallpass.session.control.SessionLimits;
import dev.hallpass.session.control.SessionState;
import dev.hallpass.session.control.SessionStore;
import dev.hallpass.session.entity.EndReason;
import dev.hallpass.session.entity.Session;
import dev.hallpass.session.entity.SessionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The session store every node uses: local cache, then Redis, then the database, which alone
 * decides. Ends go to the database first, then leave a tombstone in Redis and a message to every
 * node; touches update the caches at once and reach the database in batches.
 */
@ApplicationScoped
public class LayeredSessionStore implements SessionStore {

    @Inject
    @Database
    JpaSessionStore database;

    @Inject
    LocalSessionCache local;

    @Inject
    RedisSessionCache shared;

    @Inject
    TouchBuffer touches;

    @Inject
    SessionCacheMetrics metrics;

    @Inject
    EndedSessions endedSessions;

    @Inject
    Clock clock;

    /** Caps how long a Redis entry can outlive a missed invalidation (after a partition heals). */
    @Inject
    @ConfigProperty(name = "hallpass.cache.redis-max-ttl", defaultValue = "PT10M")
    Duration redisMaxTtl;

    @Override
    public Optional<SessionState> findBySecretHash(String secretHash) {
        Optional<SessionState> cached = local.get(secretHash);
        if (cached.isPresent()) {
            metrics.hit(Layer.LOCAL);
            return cached;
        }
        metrics.miss(Layer.LOCAL);
        RedisSessionCache.Lookup lookup = shared.get(secretHash);
        if (lookup.answer() == RedisSessionCache.Answer.ACTIVE) {
            metrics.hit(Layer.REDIS);
            local.put(lookup.session().orElseThrow());
            return lookup.session();
        }
        if (lookup.answer() == RedisSessionCache.Answer.ENDED) {
            metrics.hit(Layer.REDIS);
            return Optional.empty();
        }
        // UNKNOWN, or REPLACED: a cookie that a later login replaced is being replayed, and the caller
        // needs the stored session to report the fixation attempt; rare enough to ask the database.
        metrics.miss(Layer.REDIS);
        Optional<SessionState> stored = database.findBySecretHash(secretHash);
        if (stored.isPresent()) {
            metrics.hit(Layer.DATABASE);
        } else {
            metrics.miss(Layer.DATABASE);
        }
        stored.ifPresent(session -> {
            if (session.isActive()) {
                cache(session);
            } else if (lookup.answer() == RedisSessionCache.Answer.UNKNOWN) {
                shared.rememberEnded(secretHash, session.status() == SessionStatus.REPLACED, tombstoneTtl());
            }
        });
        return stored;
    }

    private void cache(SessionState session) {
        shared.putIfAbsent(session, redisTtl(session));
        local.put(session);
    }

    /** From the database, with this node's touch still waiting for its batch laid over it. */
    @Override
    public Optional<SessionState> findByHandle(String handle) {
        return database.findByHandle(handle).map(stored -> touches.pending(handle)
                .filter(touch -> stored.isActive() && touch.lastSeen().isAfter(stored.lastSeenAt()))
                .map(touch -> stored.touched(touch.lastSeen(), touch.idleExpiresAt()))
                .orElse(stored));
    }

    @Override
    public List<EndedSession> create(Session session, SessionLimits limits, Instant now) {
        List<EndedSession> ended = database.create(session, limits, now);
        ended.forEach(made -> announceEnded(made.session(), made.reason()));
        cache(SessionState.of(session));
        return ended;
    }

    @Override
    public boolean rebind(SessionState session, String ipAddress, String userAgent) {
        boolean changed = database.rebind(session, ipAddress, userAgent);
        if (changed) {
            SessionState rebound = session.seenFrom(ipAddress, userAgent);
            local.put(rebound);
            shared.update(rebound, redisTtl(rebound));
        } else {
            // another node recorded the change first, or the session ended: read it afresh next time
            local.invalidate(session.secretHash());
        }
        return changed;
    }

    @Override
    public boolean touch(SessionState session, Instant lastSeen, Instant idleExpiresAt) {
        SessionState touched = session.touched(lastSeen, idleExpiresAt);
        local.put(touched);
        shared.update(touched, redisTtl(touched));
        touches.add(new Touch(session.handle(), lastSeen, idleExpiresAt));
        return true;
    }

    @Override
    public void touchNotDue(SessionState session) {
        metrics.touchSaved(SessionCacheMetrics.Saving.THROTTLE);
    }

    @Override
    public boolean end(SessionState session, EndReason reason, Instant at) {
        boolean ended = database.end(session, reason, at);
        announceEnded(session, reason);
        return ended;
    }

    /** After the database: refuse the session's tokens here, tombstone it in Redis, tell every node. */
    private void announceEnded(SessionState session, EndReason reason) {
        endedSessions.add(session.handle());
        shared.markEnded(session.secretHash(), session.handle(), reason, tombstoneTtl());
        local.invalidate(session.secretHash());
    }

    @Override
    public List<SessionState> findActiveByUser(String username, Instant now) {
        return database.findActiveByUser(username, now);
    }

    /** Long enough to outlive any entry written before the end. */
    Duration tombstoneTtl() {
        return redisMaxTtl;
    }

    private Duration redisTtl(SessionState session) {
        Duration remaining = Duration.between(clock.instant(), session.absoluteExpiresAt());
        Duration ttl = remaining.compareTo(redisMaxTtl) < 0 ? remaining : redisMaxTtl;
        return ttl.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : ttl;
    }
}
