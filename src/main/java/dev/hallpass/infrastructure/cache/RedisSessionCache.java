package dev.hallpass.infrastructure.cache;

import dev.hallpass.infrastructure.persistence.JpaSessionStore.Ended;
import dev.hallpass.session.entity.EndReason;
import dev.hallpass.session.entity.SessionStatus;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The shared layer in Redis. It holds only what the database holds, keyed by secret hash, sealed with a
 * MAC ({@link CacheSeal}) and never longer than {@code hallpass.cache.redis-max-ttl} after the database
 * last confirmed it. An ended session leaves a tombstone that a stale write from another node cannot
 * overwrite. When Redis fails, a circuit breaker stops asking it for a while and every call falls back
 * to "not cached", so requests go on from the database. An end that could not be written here is not
 * queued in memory: the {@link EndReconciler} finds it in the database and writes it once Redis answers.
 */
@ApplicationScoped
public class RedisSessionCache {

    static final String CHANNEL = "hallpass:sessions";
    static final String ENDED = "ended ";
    private static final String KEY_PREFIX = "hallpass:session:";
    private static final Logger LOG = Logger.getLogger(RedisSessionCache.class.getName());
    /** Replace an active entry, never a tombstone or a missing one. */
    private static final String UPDATE_IF_ACTIVE = "local v = redis.call('GET', KEYS[1]) "
            + "if (not v) or v == ARGV[3] or v == ARGV[4] then return 0 end "
            + "redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1";
    /** Delete an active entry, never a tombstone. */
    private static final String DELETE_IF_ACTIVE = "local v = redis.call('GET', KEYS[1]) "
            + "if (not v) or v == ARGV[1] or v == ARGV[2] then return 0 end "
            + "redis.call('DEL', KEYS[1]) return 1";

    /** What Redis knows of a session: REPLACED is an end by a later login in the same browser. */
    public enum Answer { ACTIVE, ENDED, REPLACED, UNKNOWN }

    record Lookup(Answer answer, Optional<CachedSession> session) {
        static final Lookup UNKNOWN = new Lookup(Answer.UNKNOWN, Optional.empty());
        static final Lookup ENDED = new Lookup(Answer.ENDED, Optional.empty());
        static final Lookup REPLACED = new Lookup(Answer.REPLACED, Optional.empty());
    }

    @Inject
    RedisConnection redis;

    @Inject
    Clock clock;

    @Inject
    SessionCacheMetrics metrics;

    @Inject
    CacheSeal seal;

    /** Caps how long an entry can live after the database last confirmed it (and how long a tombstone lives). */
    @Inject
    @ConfigProperty(name = "hallpass.cache.redis-max-ttl", defaultValue = "PT10M")
    Duration maxTtl;

    @Inject
    @ConfigProperty(name = "hallpass.redis.breaker.failures", defaultValue = "3")
    int breakerFailures;

    @Inject
    @ConfigProperty(name = "hallpass.redis.breaker.open", defaultValue = "PT2S")
    Duration breakerOpen;

    private CircuitBreaker breaker;
    private SessionStateCodec codec;

    @PostConstruct
    void init() {
        breaker = new CircuitBreaker(clock, breakerFailures, breakerOpen);
        codec = new SessionStateCodec(seal);
    }

    public boolean configured() {
        return redis.client().isPresent();
    }

    /** Whether Redis is being skipped right now because it failed. */
    public boolean bypassed() {
        return breaker.isOpen();
    }

    Duration maxTtl() {
        return maxTtl;
    }

    /** The entry for this secret hash; an active one only if its seal holds and its confirmation is recent enough. */
    Lookup get(String secretHash) {
        return call(client -> {
            String value = client.get(KEY_PREFIX + secretHash);
            if (value == null) {
                return Lookup.UNKNOWN;
            }
            if (SessionStateCodec.TOMBSTONE.equals(value)) {
                return Lookup.ENDED;
            }
            if (SessionStateCodec.REPLACED.equals(value)) {
                return Lookup.REPLACED;
            }
            Instant now = clock.instant();
            return codec.decode(value, secretHash)
                    .filter(cached -> cached.remaining(now, maxTtl).toMillis() > 0)
                    .map(cached -> new Lookup(Answer.ACTIVE, Optional.of(cached)))
                    .orElse(Lookup.UNKNOWN);
        }, Lookup.UNKNOWN);
    }

    /** Caches a session read from the database, unless another node has cached it or ended it since. */
    void putIfAbsent(CachedSession cached) {
        ttl(cached).ifPresent(ttl -> call(client -> client.set(KEY_PREFIX + cached.session().secretHash(),
                codec.encode(cached), SetParams.setParams().nx().px(ttl.toMillis())), null));
    }

    /**
     * Replaces a cached active session (after a touch or rebind), keeping its confirmation and so its
     * deadline; a tombstone or a missing entry stays as it is.
     */
    void update(CachedSession cached) {
        ttl(cached).ifPresentOrElse(ttl -> call(client -> client.eval(UPDATE_IF_ACTIVE,
                        List.of(KEY_PREFIX + cached.session().secretHash()), List.of(codec.encode(cached),
                                Long.toString(ttl.toMillis()), SessionStateCodec.TOMBSTONE, SessionStateCodec.REPLACED)), null),
                () -> forget(cached.session().secretHash()));
    }

    /** Drops an active entry (its deadline is unknown here); the next lookup reads the database. */
    void forget(String secretHash) {
        call(client -> client.eval(DELETE_IF_ACTIVE, List.of(KEY_PREFIX + secretHash),
                List.of(SessionStateCodec.TOMBSTONE, SessionStateCodec.REPLACED)), null);
    }

    private Optional<Duration> ttl(CachedSession cached) {
        Duration ttl = cached.remaining(clock.instant(), maxTtl);
        return ttl.toMillis() >= 1 ? Optional.of(ttl) : Optional.empty();
    }

    /**
     * Leaves a tombstone and tells every node that the session ended: {@code ended <hash> <handle>
     * <reason> <sent, epoch ms> <seal>} drops it from their local caches, refuses its access tokens and tells
     * its open event streams. False if Redis did not take it (the reconciler writes it later).
     */
    boolean markEnded(Ended end) {
        if (!configured()) {
            return true;
        }
        String fields = end.secretHash() + " " + end.handle() + " " + end.reason().name() + " " + System.currentTimeMillis();
        String message = ENDED + fields + " " + seal.of(fields);
        Boolean done = call(client -> {
            client.set(KEY_PREFIX + end.secretHash(), tombstone(end.reason()), SetParams.setParams().px(maxTtl.toMillis()));
            client.publish(CHANNEL, message);
            return Boolean.TRUE;
        }, Boolean.FALSE);
        if (done) {
            metrics.published();
        }
        return done;
    }

    /** The sealed fields of an end message, or empty if it is not one or its seal does not hold. */
    Optional<String[]> openEndMessage(String message) {
        if (!message.startsWith(ENDED)) {
            return Optional.empty();
        }
        String body = message.substring(ENDED.length());
        int lastSpace = body.lastIndexOf(' ');
        if (lastSpace < 0 || !seal.matches(body.substring(0, lastSpace), body.substring(lastSpace + 1))) {
            return Optional.empty();
        }
        String[] fields = body.substring(0, lastSpace).split(" ");
        return fields.length == 4 ? Optional.of(fields) : Optional.empty();
    }

    /** Overwrites the entries of these ended sessions with tombstones in one round trip; false if Redis failed. */
    boolean markAllEnded(Collection<Ended> ends) {
        if (!configured() || ends.isEmpty()) {
            return true;
        }
        return call(client -> {
            try (AbstractPipeline pipeline = client.pipelined()) {
                for (Ended end : ends) {
                    pipeline.set(KEY_PREFIX + end.secretHash(), tombstone(end.reason()), SetParams.setParams().px(maxTtl.toMillis()));
                }
                pipeline.sync();
            }
            return Boolean.TRUE;
        }, Boolean.FALSE);
    }

    /**
     * Leaves a tombstone for a session the database says has ended, so that a dead cookie replayed
     * over and over is answered by Redis, not the database. Nothing changed, so nothing is published.
     */
    void rememberEnded(String secretHash, boolean replaced) {
        call(client -> client.set(KEY_PREFIX + secretHash, replaced ? SessionStateCodec.REPLACED : SessionStateCodec.TOMBSTONE,
                SetParams.setParams().nx().px(maxTtl.toMillis())), null);
    }

    /** The Redis server's run id: it changes when Redis restarts (from whatever snapshot) or fails over. */
    Optional<String> runId() {
        return Optional.ofNullable(call(client -> client.info("server").lines()
                .filter(line -> line.startsWith("run_id:")).map(line -> line.substring(7).strip())
                .findFirst().orElse(null), null));
    }

    private static String tombstone(EndReason reason) {
        return reason.status() == SessionStatus.REPLACED ? SessionStateCodec.REPLACED : SessionStateCodec.TOMBSTONE;
    }

    /** Runs {@code operation} unless Redis is absent or the breaker is open; a failure counts against it. */
    <T> T call(Function<UnifiedJedis, T> operation, T fallback) {
        Optional<UnifiedJedis> client = redis.client();
        if (client.isEmpty() || !breaker.allowsCall()) {
            return fallback;
        }
        try {
            T result = operation.apply(client.get());
            breaker.succeeded();
            return result;
        } catch (RuntimeException e) {
            breaker.failed();
            LOG.log(Level.FINE, "Redis call failed; falling back to the database", e);
            return fallback;
        }
    }
}
