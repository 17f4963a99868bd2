package dev.hallpass.infrastructure.cache;

import dev.hallpass.session.control.SessionState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
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
            + "if (not v) or v == ARGV[3] then return 0 end "
            + "redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1";
    private static final int MAX_PENDING = 10_000;

    /** What Redis knows of a session. */
    public enum Answer { ACTIVE, ENDED, UNKNOWN }

    public record Lookup(Answer answer, Optional<SessionState> session) {
        static final Lookup UNKNOWN = new Lookup(Answer.UNKNOWN, Optional.empty());
        static final Lookup ENDED = new Lookup(Answer.ENDED, Optional.empty());
    }

    @Inject
    RedisConnection redis;

    private final Queue<String> pendingEnds = new ConcurrentLinkedQueue<>();

    public boolean configured() {
        return redis.client().isPresent();
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unknown")
    public Lookup get(String secretHash) {
        if (!configured()) {
            return Lookup.UNKNOWN;
        }
        String value = redis.client().get().get(KEY_PREFIX + secretHash);
        if (value == null) {
            return Lookup.UNKNOWN;
        }
        if (SessionStateCodec.TOMBSTONE.equals(value)) {
            return Lookup.ENDED;
        }
        Optional<SessionState> session = SessionStateCodec.decode(value);
        return session.isPresent() ? new Lookup(Answer.ACTIVE, session) : Lookup.UNKNOWN;
    }

    Lookup unknown(String secretHash) {
        return Lookup.UNKNOWN;
    }

    /** Caches a session read from the database, unless another node has cached it or ended it since. */
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "skip")
    public void putIfAbsent(SessionState session, Duration ttl) {
        if (configured()) {
            redis.client().get().set(KEY_PREFIX + session.secretHash(), SessionStateCodec.encode(session),
                    SetParams.setParams().nx().px(ttl.toMillis()));
        }
    }

    /** Replaces a cached active session (after a touch); a tombstone or a missing entry stays as it is. */
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "skip")
    public void update(SessionState session, Duration ttl) {
        if (configured()) {
            redis.client().get().eval(UPDATE_IF_ACTIVE, List.of(KEY_PREFIX + session.secretHash()),
                    List.of(SessionStateCodec.encode(session), Long.toString(ttl.toMillis()), SessionStateCodec.TOMBSTONE));
        }
    }

    void skip(SessionState session, Duration ttl) {
        // Redis unavailable: the database already has the truth; the next read fills the cache.
    }

    /** Leaves a tombstone and tells every node to drop the session from its local cache. */
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "endLater")
    public void markEnded(String secretHash, Duration ttl) {
        if (configured()) {
            redis.client().get().set(KEY_PREFIX + secretHash, SessionStateCodec.TOMBSTONE, SetParams.setParams().px(ttl.toMillis()));
            redis.client().get().publish(CHANNEL, ENDED + secretHash);
        }
    }

    void endLater(String secretHash, Duration ttl) {
        if (pendingEnds.size() < MAX_PENDING) {
            pendingEnds.add(secretHash);
        }
    }

    /** Writes the ends that failed while Redis was away; called when the pub/sub link is back. */
    void replayPending(Duration ttl) {
        String secretHash;
        while ((secretHash = pendingEnds.poll()) != null) {
            try {
                redis.client().orElseThrow().set(KEY_PREFIX + secretHash, SessionStateCodec.TOMBSTONE,
                        SetParams.setParams().px(ttl.toMillis()));
                redis.client().orElseThrow().publish(CHANNEL, ENDED + secretHash);
            } catch (RuntimeException stillDown) {
                pendingEnds.add(secretHash);
                LOG.log(Level.FINE, "Redis went away again while replaying ends", stillDown);
                return;
            }
        }
    }
}
