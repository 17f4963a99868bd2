package dev.hallpass.infrastructure.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.infrastructure.cache.RedisSessionCache.Answer;
import dev.hallpass.infrastructure.metrics.NoMetrics;
import dev.hallpass.infrastructure.persistence.JpaSessionStore;
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
 * tombstone is never overwritten by a late write from another node, an entry is believed only with a
 * valid seal and within its confirmation's bound, and a touch never moves that bound.
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
        cache.seal = new CacheSeal("the nodes' shared key, 32 bytes or more".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        cache.maxTtl = Duration.ofSeconds(30);
        cache.init();
    }

    @AfterAll
    static void stopRedis() {
        connection.close();
        redis.close();
    }

    /** A session started a minute ago, live for hours: what the database would hand the cache now. */
    private static SessionState session(String hash) {
        java.time.Instant created = java.time.Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return new SessionState("h4ndle", hash, "ann@example.com", Set.of("user"), created, created.plusSeconds(30),
                created.plusSeconds(1800), created.plusSeconds(43_200), false, dev.hallpass.session.entity.SessionStatus.ACTIVE,
                "192.0.2.7", "Mozilla/5.0 a|b");
    }

    /** Confirmed by the database just now. */
    private static CachedSession fresh(SessionState session) {
        return new CachedSession(session, java.time.Instant.now());
    }

    private static Optional<SessionState> found(String hash) {
        return cache.get(hash).session().map(CachedSession::session);
    }

    private static JpaSessionStore.Ended ended(String hash, String handle) {
        return new JpaSessionStore.Ended(handle, hash, EndReason.LOGOUT);
    }

    @Test
    void aCachedSessionIsReadBackWithItsTtl() {
        SessionState session = session("read-back");

        cache.putIfAbsent(fresh(session));

        assertEquals(Optional.of(session), found("read-back"));
        try (RedisClient client = RedisClient.create("127.0.0.1", redis.port())) {
            long ttl = client.pttl("hallpass:session:read-back");
            assertTrue(ttl > 25_000 && ttl <= 30_000, "ttl " + ttl);
        }
    }

    @Test
    void aLatePopulateCannotResurrectAnEndedSession() {
        SessionState staleReadFromTheDatabase = session("ended-then-populated");

        cache.markEnded(ended("ended-then-populated", "h1"));
        cache.putIfAbsent(fresh(staleReadFromTheDatabase));
        cache.update(fresh(staleReadFromTheDatabase));

        assertEquals(Answer.ENDED, cache.get("ended-then-populated").answer());
    }

    @Test
    void anEndedSessionReadFromTheDatabaseIsRememberedWithoutReplacingALiveEntry() {
        cache.rememberEnded("ended-in-database", false);
        SessionState live = session("still-live");
        cache.putIfAbsent(fresh(live));
        cache.rememberEnded("still-live", false);

        assertEquals(Answer.ENDED, cache.get("ended-in-database").answer());
        assertEquals(Optional.of(live), found("still-live"), "only markEnded may replace a live entry");
    }

    @Test
    void aTouchUpdatesOnlyAnEntryThatIsThere() {
        SessionState session = session("touched");

        cache.update(fresh(session));
        assertEquals(Answer.UNKNOWN, cache.get("touched").answer(), "a touch never creates an entry");
        cache.putIfAbsent(fresh(session));
        SessionState later = session.touched(session.lastSeenAt().plusSeconds(90), session.idleExpiresAt().plusSeconds(90));
        cache.update(fresh(later));

        assertEquals(Optional.of(later), found("touched"));
    }

    @Test
    void aTouchNeverExtendsAnEntryBeyondItsConfirmationPlusTheMaximumTtl() throws Exception {
        SessionState session = session("touched-often");
        CachedSession confirmed = new CachedSession(session, java.time.Instant.now().minusSeconds(20));
        cache.putIfAbsent(confirmed);

        for (int touch = 1; touch <= 3; touch++) {
            cache.update(confirmed.with(session.touched(session.lastSeenAt().plusSeconds(touch), session.idleExpiresAt())));
        }

        try (RedisClient client = RedisClient.create("127.0.0.1", redis.port())) {
            long ttl = client.pttl("hallpass:session:touched-often");
            assertTrue(ttl > 0 && ttl <= 10_000, "confirmed 20 s ago, max 30 s: at most 10 s left, not re-armed: " + ttl);
        }
        CachedSession expired = new CachedSession(session("confirmed-too-long-ago"), java.time.Instant.now().minusSeconds(31));
        try (RedisClient client = RedisClient.create("127.0.0.1", redis.port())) {
            // as if restored from an old snapshot: the entry is there, its confirmation is too old
            client.set("hallpass:session:confirmed-too-long-ago", new SessionStateCodec(cache.seal).encode(expired));
        }
        assertEquals(Answer.UNKNOWN, cache.get("confirmed-too-long-ago").answer(), "older than its bound: a miss");
    }

    @Test
    void anEntryWrittenByHandIsAMissNotASession() {
        SessionState genuine = session("edited");
        cache.putIfAbsent(fresh(genuine));
        try (RedisClient client = RedisClient.create("127.0.0.1", redis.port())) {
            client.set("hallpass:session:edited", client.get("hallpass:session:edited").replace("|user|", "|admin,user|"));
            client.set("hallpass:session:forged", "2|h|forged|ghost|admin,user|1|1|99999999999999999|99999999999999999|0|ip|ua");
        }

        assertEquals(Answer.UNKNOWN, cache.get("edited").answer(), "roles edited in Redis");
        assertEquals(Answer.UNKNOWN, cache.get("forged").answer(), "an entry nobody sealed");
    }

    @Test
    void reconcilingOverwritesLiveEntriesWithTombstonesInOneGo() {
        cache.putIfAbsent(fresh(session("reconciled-1")));
        cache.putIfAbsent(fresh(session("reconciled-2")));

        assertTrue(cache.markAllEnded(java.util.List.of(ended("reconciled-1", "r1"), ended("reconciled-2", "r2"))));

        assertEquals(Answer.ENDED, cache.get("reconciled-1").answer());
        assertEquals(Answer.ENDED, cache.get("reconciled-2").answer());
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
            cache.markEnded(ended("announced", "handle-1"));

            String message = received.poll(5, TimeUnit.SECONDS);
            assertTrue(message != null && message.startsWith("ended announced handle-1 LOGOUT "), message);
            String[] fields = cache.openEndMessage(message).orElseThrow();
            long sent = Long.parseLong(fields[3]);
            assertTrue(sent >= before && sent <= System.currentTimeMillis(), "stamped with the send time: " + message);
            assertTrue(cache.openEndMessage("ended announced handle-2 LOGOUT " + sent + " forged-seal").isEmpty(),
                    "an end message nobody sealed is ignored");
            assertTrue(cache.openEndMessage(message.replace("handle-1", "handle-2")).isEmpty(), "nor an edited one");
            listener.unsubscribe();
            subscriber.join(5_000);
        }
    }
}
