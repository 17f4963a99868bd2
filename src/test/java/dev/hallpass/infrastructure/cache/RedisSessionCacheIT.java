package dev.hallpass.infrastructure.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.infrastructure.cache.RedisSessionCache.Answer;
import dev.hallpass.infrastructure.metrics.NoMetrics;
import dev.hallpass.session.control.SessionState;
import dev.hallpass.session.entity.EndReason;
import dev.hallpass.testsupport.Deployments;
import dev.hallpass.testsupport.RedisProcess;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The Redis layer's rules against a real redis-server (no container needed): an ended session's
 * tombstone is never overwritten by a late write from another node.
 */
class RedisSessionCacheIT {

    static RedisProcess redis;
    static RedisConnection connection;
    static RedisSessionCache cache;

    @BeforeAll
    static void startRedis() {
        redis = RedisProcess.start(Deployments.freshDataDirectory("redis-cache"));
        connection = new RedisConnection();
        connection.url = Optional.of(redis.url());
        connection.timeout = Duration.ofMillis(500);
        connection.poolSize = 4;
        connection.connect();
        cache = new RedisSessionCache();
        cache.redis = connection;
        cache.clock = java.time.Clock.systemUTC();
        cache.breakerFailures = 3;
        cache.breakerOpen = Duration.ofSeconds(2);
        cache.metrics = new SessionCacheMetrics();
        cache.metrics.registry = NoMetrics.registry();
        cache.metrics.register();
        cache.init();
    }

    @AfterAll
    static void stopRedis() {
        connection.close();
        redis.close();
    }

    private static SessionState session(String hash) {
        return SessionStateCodecTest.session(Set.of("user"), hash);
    }

    @Test
    void aCachedSessionIsReadBackWithItsTtl() {
        SessionState session = session("read-back");

        cache.putIfAbsent(session, Duration.ofSeconds(30));

        assertEquals(Optional.of(session), cache.get("read-back").session());
        try (RedisClient client = RedisClient.create("127.0.0.1", redis.port())) {
            long ttl = client.pttl("hallpass:session:read-back");
            assertTrue(ttl > 25_000 && ttl <= 30_000, "ttl " + ttl);
        }
    }

    @Test
    void aLatePopulateCannotResurrectAnEndedSession() {
        SessionState staleReadFromTheDatabase = session("ended-then-populated");

        cache.markEnded("ended-then-populated", "h1", EndReason.LOGOUT, Duration.ofMinutes(10));
        cache.putIfAbsent(staleReadFromTheDatabase, Duration.ofMinutes(10));
        cache.update(staleReadFromTheDatabase, Duration.ofMinutes(10));

        assertEquals(Answer.ENDED, cache.get("ended-then-populated").answer());
    }

    @Test
    void anEndedSessionReadFromTheDatabaseIsRememberedWithoutReplacingALiveEntry() {
        cache.rememberEnded("ended-in-database", false, Duration.ofMinutes(1));
        SessionState live = session("still-live");
        cache.putIfAbsent(live, Duration.ofMinutes(1));
        cache.rememberEnded("still-live", false, Duration.ofMinutes(1));

        assertEquals(Answer.ENDED, cache.get("ended-in-database").answer());
        assertEquals(Optional.of(live), cache.get("still-live").session(), "only markEnded may replace a live entry");
    }

    @Test
    void aTouchUpdatesOnlyAnEntryThatIsThere() {
        SessionState session = session("touched");

        cache.update(session, Duration.ofMinutes(1));
        assertEquals(Answer.UNKNOWN, cache.get("touched").answer(), "a touch never creates an entry");
        cache.putIfAbsent(session, Duration.ofMinutes(1));
        SessionState later = session.touched(session.lastSeenAt().plusSeconds(90), session.idleExpiresAt().plusSeconds(90));
        cache.update(later, Duration.ofMinutes(1));

        assertEquals(Optional.of(later), cache.get("touched").session());
    }

    @Test
    void anEndIsAnnouncedOnTheChannel() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        redis.clients.jedis.JedisPubSub listener = new redis.clients.jedis.JedisPubSub() {
            @Override
            public void onMessage(String channel, String message) {
                received.add(message);
            }
        };
        try (RedisClient client = RedisClient.create("127.0.0.1", redis.port())) {
            Thread subscriber = new Thread(() -> client.subscribe(listener, RedisSessionCache.CHANNEL));
            subscriber.start();
            while (!listener.isSubscribed()) {
                Thread.onSpinWait();
            }
            long before = System.currentTimeMillis();
            cache.markEnded("announced", "handle-1", EndReason.LOGOUT, Duration.ofMinutes(1));

            String message = received.poll(5, TimeUnit.SECONDS);
            assertTrue(message != null && message.startsWith("ended announced handle-1 LOGOUT "), message);
            long sent = Long.parseLong(message.substring(message.lastIndexOf(' ') + 1));
            assertTrue(sent >= before && sent <= System.currentTimeMillis(), "stamped with the send time: " + message);
            listener.unsubscribe();
            subscriber.join(5_000);
        }
    }
}
