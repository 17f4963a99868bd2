package dev.hallpass.infrastructure.cache;

import dev.hallpass.session.control.SessionState;
import dev.hallpass.session.entity.EndReason;
import dev.hallpass.session.entity.SessionStatus;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The shared layer in Redis. It holds only what the database holds, keyed by secret hash, each entry
 * expiring with its session (capped). An ended session leaves a tombstone that a stale write from
 * another node cannot overwrite. When Redis fails, a circuit breaker stops asking it for a while
 * and every call falls back to "not cached", so requests go on from the database; ends that could
 * not be written are replayed when Redis is back.
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
    private static final int MAX_PENDING = 10_000;

    /** What Redis knows of a session: REPLACED is an end by a later login in the same browser. */
    public enum Answer { ACTIVE, ENDED, REPLACED, UNKNOWN }

    public record Lookup(Answer answer, Optional<SessionState> session) {
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
    @ConfigProperty(name = "hallpass.redis.breaker.failures", defaultValue = "3")
    int breakerFailures;

    @Inject
    @ConfigProperty(name = "hallpass.redis.breaker.open", defaultValue = "PT2S")
    Duration breakerOpen;

    private final Queue<String> pendingEnds = new ConcurrentLinkedQueue<>();
    private CircuitBreaker breaker;

    @PostConstruct
    void init() {
        breaker = new CircuitBreaker(clock, breakerFailures, breakerOpen);
    }

    public boolean configured() {
        return redis.client().isPresent();
    }

    /** Whether Redis is being skipped right now because it failed. */
    public boolean bypassed() {
        return breaker.isOpen();
    }

    public Lookup get(String secretHash) {
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
            return SessionStateCodec.decode(value).map(s -> new Lookup(Answer.ACTIVE, Optional.of(s))).orElse(Lookup.UNKNOWN);
        }, Lookup.UNKNOWN);
    }

    /** Caches a session read from the database, unless another node has cached it or ended it since. */
    public void putIfAbsent(SessionState session, Duration ttl) {
        call(client -> client.set(KEY_PREFIX + session.secretHash(), SessionStateCodec.encode(session),
                SetParams.setParams().nx().px(ttl.toMillis())), null);
    }

    /** Replaces a cached active session (after a touch); a tombstone or a missing entry stays as it is. */
    public void update(SessionState session, Duration ttl) {
        call(client -> client.eval(UPDATE_IF_ACTIVE, List.of(KEY_PREFIX + session.secretHash()),
                List.of(SessionStateCodec.encode(session), Long.toString(ttl.toMillis()), SessionStateCodec.TOMBSTONE,
                        SessionStateCodec.REPLACED)), null);
    }

    /**
     * Leaves a tombstone and tells every node that the session ended: {@code ended <hash> <handle>
     * <reason> <sent, epoch ms>} drops it from their local caches, refuses its access tokens and tells
     * its open event streams.
     */
    public void markEnded(String secretHash, String handle, EndReason reason, Duration ttl) {
        if (!configured()) {
            return;
        }
        boolean replaced = reason.status() == SessionStatus.REPLACED;
        String message = ENDED + secretHash + " " + handle + " " + reason.name() + " " + System.currentTimeMillis();
        Boolean done = call(client -> {
            client.set(KEY_PREFIX + secretHash, tombstone(replaced), SetParams.setParams().px(ttl.toMillis()));
            client.publish(CHANNEL, message);
            return Boolean.TRUE;
        }, Boolean.FALSE);
        if (done) {
            metrics.published();
        }
        if (!done && pendingEnds.size() < MAX_PENDING) {
            pendingEnds.add(message);
        }
    }

    /**
     * Leaves a tombstone for a session the database says has ended, so that a dead cookie replayed
     * over and over is answered by Redis, not the database. Nothing changed, so nothing is published.
     */
    public void rememberEnded(String secretHash, boolean replaced, Duration ttl) {
        call(client -> client.set(KEY_PREFIX + secretHash, tombstone(replaced),
                SetParams.setParams().nx().px(ttl.toMillis())), null);
    }

    private static String tombstone(boolean replaced) {
        return replaced ? SessionStateCodec.REPLACED : SessionStateCodec.TOMBSTONE;
    }

    /** Writes the ends that failed while Redis was away; called when the pub/sub link is back. */
    void replayPending(Duration ttl) {
        String message;
        while ((message = pendingEnds.poll()) != null) {
            try {
                UnifiedJedis client = redis.client().orElseThrow();
                client.set(KEY_PREFIX + message.split(" ")[1], SessionStateCodec.TOMBSTONE, SetParams.setParams().px(ttl.toMillis()));
                client.publish(CHANNEL, message);
                metrics.published();
            } catch (RuntimeException stillDown) {
                pendingEnds.add(message);
                LOG.log(Level.FINE, "Redis went away again while replaying ends", stillDown);
                return;
            }
        }
        breaker.succeeded();
    }

    /** Runs {@code operation} unless Redis is absent or the breaker is open; a failure counts against it. */
    private <T> T call(Function<UnifiedJedis, T> operation, T fallback) {
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
