package dev.hallpass.infrastructure.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hallpass.client.RateLimiter;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Token buckets (Bucket4j) shared by every node through Redis, or held in this node when there is no
 * Redis or it is failing (a circuit breaker, as for the session cache, stops asking it for a while).
 * Time comes from the application clock, so tests can move it.
 */
@ApplicationScoped
public class RateLimits implements RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimits.class.getName());
    private static final String KEY_PREFIX = "hallpass:rate:";

    private static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build();
    }

    @Inject
    RedisConnection redis;

    @Inject
    Clock clock;

    private ProxyManager<byte[]> shared;
    private CircuitBreaker breaker;
    private TimeMeter time;
    private final Cache<String, Bucket> local = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1)).maximumSize(100_000).build();

    @PostConstruct
    void init() {
        time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return ChronoUnit.NANOS.between(Instant.EPOCH, clock.instant());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        breaker = new CircuitBreaker(clock, 3, Duration.ofSeconds(2));
        shared = redis.client().map(client -> Bucket4jJedis.casBasedBuilder(client)
                .clientClock(time)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build()).orElse(null);
    }

    @Override
    public Duration tryTake(Limit limit, String key) {
        ConsumptionProbe probe = onBucket(limit, key, bucket -> bucket.tryConsumeAndReturnRemaining(1));
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    @Override
    public void giveBack(Limit limit, String key) {
        onBucket(limit, key, bucket -> {
            bucket.addTokens(1);
            return null;
        });
    }

    @Override
    public void reset(Limit limit, String key) {
        onBucket(limit, key, bucket -> {
            bucket.reset();
            return null;
        });
    }

    private <T> T onBucket(Limit limit, String key, Function<Bucket, T> operation) {
        String name = KEY_PREFIX + limit.name() + ":" + key;
        if (shared != null && breaker.allowsCall()) {
            try {
                T result = operation.apply(shared.builder().build(name.getBytes(StandardCharsets.UTF_8), () -> configuration(limit)));
                breaker.succeeded();
                return result;
            } catch (RuntimeException e) {
                breaker.failed();
                LOG.log(Level.FINE, "Redis rate limit failed; counting on this node", e);
            }
        }
        return operation.apply(local.get(name, ignored -> Bucket.builder()
                .addLimit(configuration(limit).getBandwidths()[0])
                .withCustomTimePrecision(time)
                .build()));
    }
}
