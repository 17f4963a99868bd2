package dev.hallpass.infrastructure.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hallpass.infrastructure.cache.SessionCacheMetrics.Layer;
import dev.hallpass.infrastructure.persistence.Database;
import dev.hallpass.infrastructure.persistence.JpaSessionStore.Ended;
import dev.hallpass.infrastructure.persistence.JpaSessionStore.Touch;
import dev.hallpass.infrastructure.persistence.JpaSessionStore;
import dev.hallpass.session.control.EndedToMakeRoom;
import dev.hallpass.session.control.SessionLimits;
import dev.hallpass.session.control.SessionState;
import dev.hallpass.session.control.SessionStore;
import dev.hallpass.session.entity.EndReason;
import dev.hallpass.session.entity.Session;
import dev.hallpass.session.entity.SessionStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The session store every node uses: local cache, then Redis, then the database, which alone decides.
 * A cached entry is believed only while the database confirmed it within {@code hallpass.cache.redis-max-ttl}
 * and no end of it is known on this node ({@link RecentlyEndedSessions}, which the {@link EndReconciler} keeps in step
 * with the database every second). Ends go to the database first and are announced (tombstone, message to
 * every node) only once their transaction has committed; touches update the caches at once and reach the
 * database in batches.
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
    RecentlyEndedSessions endedSessions;

    @Inject
    EndReconciler reconciler;

    @Inject
    Clock clock;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** For fault-injection tests only: a pause between an end's commit and its announcement (a node can be killed there). */
    @Inject
    @ConfigProperty(name = "hallpass.test.announce-delay", defaultValue = "PT0S")
    Duration announceDelay;

    /**
     * Secrets the database did not know, or knew as ended, answered again without asking it: neither can
     * ever become live (secrets are made by the server; an ended session stays ended), so replaying a dead
     * or made-up cookie costs one database read per minute, not one per request (review L7).
     */
    private final Cache<String, Optional<SessionState>> dead = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(50_000).build();

    @Override
    public Optional<SessionState> findBySecretHash(String secretHash) {
        Optional<SessionState> knownDead = dead.getIfPresent(secretHash);
        if (knownDead != null) {
            return knownDead;
        }
        Optional<CachedSession> cached = local.get(secretHash).filter(this::believable);
        if (cached.isPresent()) {
            metrics.hit(Layer.LOCAL);
            return cached.map(CachedSession::session);
        }
        metrics.miss(Layer.LOCAL);
        RedisSessionCache.Lookup lookup = shared.get(secretHash);
        if (lookup.answer() == RedisSessionCache.Answer.ACTIVE && lookup.session().filter(this::believable).isPresent()) {
            metrics.hit(Layer.REDIS);
            local.put(lookup.session().get());
            return lookup.session().map(CachedSession::session);
        }
        if (lookup.answer() == RedisSessionCache.Answer.ENDED) {
            metrics.hit(Layer.REDIS);
            return Optional.empty();
        }
        // UNKNOWN, an entry this node knows has ended, or REPLACED: a cookie that a later login replaced is
        // being replayed, and the caller needs the stored session to report the fixation attempt.
        metrics.miss(Layer.REDIS);
        // after a renewal the caches no longer hold the session, so the read must see this node's pending touch
        Optional<SessionState> stored = database.findBySecretHash(secretHash).map(this::withPendingTouch);
        if (stored.isPresent()) {
            metrics.hit(Layer.DATABASE);
        } else {
            metrics.miss(Layer.DATABASE);
        }
        stored.ifPresent(session -> {
            if (session.isActive()) {
                if (session.newSecretUsed() && session.secretHash().equals(secretHash)) {
                    cache(session); // not a replaced secret (the overlap is the database's to judge), nor an unused one
                }
            } else if (lookup.answer() == RedisSessionCache.Answer.UNKNOWN) {
                shared.rememberEnded(secretHash, session.status() == SessionStatus.REPLACED);
            }
        });
        if (stored.isEmpty() || !stored.get().isActive()) {
            dead.put(secretHash, stored);
        }
        return stored;
    }

    /**
     * Believable from a cache: not known to have ended here, and not holding a renewed secret nobody has used yet
     * (if its answer was lost, the old secret's bearer gets another one and this one dies: only the database knows).
     */
    private boolean believable(CachedSession cached) {
        return !endedSessions.contains(cached.session().handle()) && cached.session().newSecretUsed();
    }

    /** Just read from (or written to) the database: confirmed now. */
    private void cache(SessionState session) {
        CachedSession cached = new CachedSession(session, clock.instant());
        shared.putIfAbsent(cached);
        local.put(cached);
    }

    /** From the database, with this node's touch still waiting for its batch laid over it. */
    @Override
    public Optional<SessionState> findByHandle(String handle) {
        return database.findByHandle(handle).map(this::withPendingTouch);
    }

    /** This node's touch still waiting for its batch, laid over a row just read: the row alone may look idle. */
    private SessionState withPendingTouch(SessionState stored) {
        return touches.pending(stored.handle())
                .filter(touch -> stored.isActive() && touch.lastSeen().isAfter(stored.lastSeenAt()))
                .map(touch -> stored.touched(touch.lastSeen(), touch.idleExpiresAt()))
                .orElse(stored);
    }

    @Override
    public List<EndedToMakeRoom> create(Session session, long accountGeneration, SessionLimits limits, Instant now) {
        List<EndedToMakeRoom> ended = database.create(session, accountGeneration, limits, now);
        ended.forEach(made -> announceEnded(made.session(), made.reason()));
        cache(SessionState.of(session));
        return ended;
    }

    @Override
    public boolean rebind(SessionState session, String ipAddress, String userAgent) {
        boolean changed = database.rebind(session, ipAddress, userAgent);
        if (changed) {
            recache(session.seenFrom(ipAddress, userAgent));
        } else {
            // another node recorded the change first, or the session ended: read it afresh next time
            local.invalidate(session.secretHash());
        }
        return changed;
    }

    @Override
    public boolean touch(SessionState session, Instant lastSeen, Instant idleExpiresAt) {
        recache(session.touched(lastSeen, idleExpiresAt));
        touches.add(new Touch(session.handle(), lastSeen, idleExpiresAt));
        return true;
    }

    /** The session changed on this node: the caches follow, keeping the moment the database last confirmed it. */
    private void recache(SessionState changed) {
        Optional<CachedSession> known = local.get(changed.secretHash());
        if (known.isPresent()) {
            CachedSession updated = known.get().with(changed);
            local.put(updated);
            shared.update(updated);
        } else {
            shared.forget(changed.secretHash());
        }
    }

    /**
     * In the database first; then this node and Redis forget the replaced secret (other nodes drop it at their
     * next reconcile pass, within a second, well inside the overlap). The new secret is answered from the database
     * until it is first used.
     */
    @Override
    public boolean rotateSecret(SessionState session, String previousHash, String newHash, Instant at) {
        if (!database.rotateSecret(session, previousHash, newHash, at)) {
            local.invalidate(session.secretHash()); // another node rotated it first: read it afresh next time
            return false;
        }
        local.invalidate(session.secretHash());
        shared.forget(session.secretHash());
        return true; // cached once its new secret comes back
    }

    @Override
    public void secretUsed(SessionState session) {
        database.secretUsed(session);
        recache(session.secretUsed());
    }

    @Override
    public void touchNotDue(SessionState session) {
        metrics.touchSaved(SessionCacheMetrics.Saving.THROTTLE);
    }

    @Override
    public boolean end(SessionState session, EndReason reason, Instant at) {
        boolean ended = transactions.getTransactionStatus() == Status.STATUS_ACTIVE
                ? database.end(session, reason, at) : database.endAlone(session, reason, at);
        local.invalidate(session.secretHash());
        announceEnded(session, reason);
        return ended;
    }

    /**
     * Once the end is committed (at once when no transaction is open; after the commit of the one that is, e.g.
     * an account change, and never for one rolled back): refuse the session here, tombstone it, tell every node.
     */
    private void announceEnded(SessionState session, EndReason reason) {
        Runnable announce = () -> {
            pauseForTests();
            reconciler.announce(List.of(new Ended(session.handle(), session.secretHash(), reason)));
        };
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        announce.run();
                    }
                }
            });
        } else {
            announce.run();
        }
    }

    private void pauseForTests() {
        if (!announceDelay.isZero()) {
            try {
                Thread.sleep(announceDelay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public List<SessionState> findActiveByUser(String username, Instant now) {
        return database.findActiveByUser(username, now);
    }
}
