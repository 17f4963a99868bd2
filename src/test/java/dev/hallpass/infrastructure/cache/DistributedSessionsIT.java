package dev.hallpass.infrastructure.cache;

import static dev.hallpass.testsupport.Logins.PASSWORD;
import static dev.hallpass.testsupport.Logins.cookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.testsupport.Browser;
import dev.hallpass.testsupport.Cleanup;
import dev.hallpass.testsupport.Http;
import dev.hallpass.testsupport.Logins;
import dev.hallpass.testsupport.Metrics;
import dev.hallpass.testsupport.PayaraMicroProcess;
import dev.hallpass.testsupport.PostgresDatabase;
import dev.hallpass.testsupport.RedisProcess;
import dev.hallpass.testsupport.Reply;
import dev.hallpass.testsupport.TwoNodeCluster;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The production shape: two Payara Micro nodes with the same WAR, one Redis, one PostgreSQL
 * database. Sessions move between nodes, ends reach every node through pub/sub, and a Redis outage
 * costs speed but nothing else.
 */
class DistributedSessionsIT {

    static final Duration LOCAL_TTL = Duration.ofSeconds(10);
    static final int MAX_PER_USER = 5;
    static final int ATTEMPTS = 50;

    static TwoNodeCluster cluster;
    static PostgresDatabase database;
    static RedisProcess redis;
    static PayaraMicroProcess nodeA;
    static PayaraMicroProcess nodeB;
    static Http a;
    static Http b;

    @BeforeAll
    static void startTwoNodes() {
        // Every request comes from 127.0.0.1: the per-IP limit and throttle would count all tests as one
        // client. Per account, each attempt takes a token before the password check (parallel guesses
        // cannot slip past), so the crowd test's 50 simultaneous logins need 50 attempts.
        cluster = TwoNodeCluster.start("distributed", Map.of(
                "hallpass.cache.local-ttl", LOCAL_TTL.toString(),
                "hallpass.metrics.live-sessions-max-age", "PT0S",
                "hallpass.session.cleanup-interval", "PT1S",
                "hallpass.session.retention", "PT2S",
                "hallpass.session.max-per-user", Integer.toString(MAX_PER_USER),
                "hallpass.login.throttle.account.attempts", Integer.toString(ATTEMPTS)));
        database = cluster.database;
        redis = cluster.redis;
        nodeA = cluster.nodeA;
        nodeB = cluster.nodeB;
        a = cluster.a;
        b = cluster.b;
    }

    @AfterAll
    static void stopEverything() {
        Cleanup.closeAll(cluster);
    }

    private static String newUser(String prefix) {
        return Logins.newUser(a, Logins.adminSecret(a), prefix, PASSWORD);
    }

    private static int me(Http node, String secret) {
        return node.get("api/auth/me", cookie(secret)).status();
    }

    /** Polls until the condition holds; returns how long it took. Fails after {@code limit}. */
    private static Duration await(BooleanSupplier condition, Duration limit, String what) {
        Instant start = Instant.now();
        while (!condition.getAsBoolean()) {
            if (Duration.between(start, Instant.now()).compareTo(limit) > 0) {
                throw new AssertionError(what + " did not happen within " + limit);
            }
            Thread.onSpinWait();
        }
        return Duration.between(start, Instant.now());
    }

    /**
     * Review L11: a node started with another key-encryption key could not decrypt the shared signing key
     * and failed to start (or every token mint) until that key's rotation, up to 30 days. It now signs with
     * a key of its own, published in the shared JWKS, so the other nodes verify its tokens.
     */
    @Test
    void aNodeWithAnotherKeyEncryptionKeySignsWithItsOwnKeyAndTheOthersVerifyIt() {
        String user = newUser("otherkek");
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        try (PayaraMicroProcess nodeC = cluster.another("otherkek",
                Map.of("hallpass.token.key-encryption-key", Base64.getEncoder().encodeToString(otherKey)))) {
            Http c = new Http(nodeC.baseUri());
            assertTrue(nodeC.output().contains("was encrypted with another hallpass.token.key-encryption-key"), "said in the log");
            Reply token = c.send("POST", "api/auth/token", null, null, cookie(Logins.secretOf(c, user, PASSWORD)));
            assertEquals(200, token.status(), token::toString);
            String accessToken = token.json().getString("access_token");
            assertEquals(200, a.get("api/auth/me", "Authorization", "Bearer " + accessToken).status(), "node A verifies it");
            assertEquals(200, c.get("api/auth/me", "Authorization", "Bearer " + accessToken).status());
        }
    }

    @Test
    void theLiveSessionGaugeCountsTheWholeClusterOnEveryNode() {
        String user = newUser("gauge");
        double before = Metrics.of(b, "hallpass_sessions_active");

        String secret = Logins.secretOf(a, user, PASSWORD);

        assertEquals(before + 1, Metrics.of(b, "hallpass_sessions_active"), "node B counts the session node A started");
        assertEquals(Metrics.of(a, "hallpass_sessions_active"), Metrics.of(b, "hallpass_sessions_active"));
        assertEquals(204, b.send("POST", "api/auth/logout", null, null, cookie(secret)).status());
        assertEquals(before, Metrics.of(a, "hallpass_sessions_active"), "and node A sees node B's logout");
    }

    @Test
    void aSessionFromOneNodeWorksOnTheOtherAndALogoutThereEndsItOnBothAtOnce() {
        String secret = Logins.secretOf(a, newUser("multi"), PASSWORD);
        assertEquals(200, me(b, secret), "node B honours node A's session");
        assertEquals(200, me(a, secret), "and node A has it in its local cache");

        assertEquals(204, b.send("POST", "api/auth/logout", null, null, cookie(secret)).status());
        Duration revocation = await(() -> me(a, secret) == 401, Duration.ofSeconds(1), "node A refusing the cookie");

        System.out.println("Cross-node revocation seen by node A after " + revocation.toMillis() + " ms");
        assertTrue(revocation.compareTo(LOCAL_TTL) < 0, "pub/sub, not the local TTL, ended it");
    }

    /** The push of issue 7 across nodes: a browser on B hears of an end on A within a second, with the reason. */
    @Test
    void aLogoutEverywhereOrAKillOnOneNodeReachesABrowserOnTheOtherWithTheReason() throws Exception {
        String user = newUser("pushed");
        try (Browser onA = Browser.open(nodeA.baseUri().toURL()).demoLogIn(user, PASSWORD);
             Browser onB = Browser.open(nodeB.baseUri().toURL()).demoLogIn(user, PASSWORD)) {
            long start = System.nanoTime();
            onA.click("#logout-all");
            onB.waitForText("#reason", "logged out on all your devices");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals("logout-all", onB.find("#reason").getAttribute("data-reason"));
            assertTrue(millis < 1000, () -> "the browser on the other node learned it after " + millis + " ms");
        }
        try (Browser onB = Browser.open(nodeB.baseUri().toURL()).demoLogIn(user, PASSWORD)) {
            String handle = b.get("api/sessions", cookie(Logins.secretOf(b, user, PASSWORD))).jsonList().stream()
                    .filter(s -> !s.getBoolean("current")).findFirst().orElseThrow().getString("handle");
            long start = System.nanoTime();
            assertEquals(204, a.send("DELETE", "api/admin/sessions/" + handle, null, null, cookie(Logins.adminSecret(a))).status());
            onB.waitForText("#reason", "ended");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals("killed", onB.find("#reason").getAttribute("data-reason"));
            assertTrue(millis < 1000, () -> "the browser on the other node learned of the kill after " + millis + " ms");
        }
    }

    @Test
    void withRedisDownRequestsGoOnFromTheDatabaseAndNothingIsLost() {
        String user = newUser("outage");
        String before = Logins.secretOf(a, user, PASSWORD);
        assertEquals(200, me(b, before));

        String during;
        redis.stop();
        try {
            assertEquals(200, me(a, before), "a session from before the outage still works on A");
            assertEquals(200, me(b, before), "and on B");
            during = Logins.secretOf(a, user, PASSWORD);
            assertEquals(200, me(b, during), "a login during the outage works on the other node");
            assertEquals(204, b.send("POST", "api/auth/logout", null, null, cookie(during)).status());
            assertEquals(401, me(b, during));
            await(() -> me(a, during) == 401, LOCAL_TTL.plusSeconds(5), "node A refusing a session ended during the outage");
            Reply ready = new Http(a.resolve("/")).get("health/ready");
            assertEquals(200, ready.status(), "still ready without Redis: " + ready);
            assertTrue(ready.body().contains("degraded"), ready.body());
        } finally {
            redis.startAgain();
        }

        long redisAnswersBefore = redisLookups(b);
        try (RedisClient client = RedisClient.create("127.0.0.1", redis.port())) {
            await(() -> me(a, before) == 200 && !client.keys("hallpass:session:*").isEmpty(), Duration.ofSeconds(20),
                    "the cache refilling once Redis is back");
        }
        await(() -> me(b, before) == 200 && redisLookups(b) > redisAnswersBefore, Duration.ofSeconds(20),
                "node B answering from Redis again");
        assertEquals(200, me(a, before), "nothing was lost");
        assertEquals(401, me(a, during), "the logout made during the outage still holds on A");
        assertEquals(401, me(b, during), "and on B");
    }

    private static long redisLookups(Http node) {
        return (long) Metrics.of(node, "hallpass_session_cache_requests_total", "layer=\"redis\"", "result=\"hit\"");
    }

    @Test
    void oneRefreshTokenSpentOnTwoNodesAtOnceYieldsOneSuccessorAndNoTheftAlarm() {
        String user = newUser("race");
        String body = Json.createObjectBuilder().add("username", user).add("password", PASSWORD)
                .add("tokens", true).build().toString();
        Reply loginReply = a.postJson("api/auth/login", body);
        String session = loginReply.setCookie(Logins.COOKIE).orElseThrow().value();
        String refreshToken = loginReply.json().getJsonObject("tokens").getString("refresh_token");
        String refreshBody = Json.createObjectBuilder().add("refresh_token", refreshToken).build().toString();
        CountDownLatch start = new CountDownLatch(1);

        List<CompletableFuture<Reply>> racing = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return (i % 2 == 0 ? a : b).postJson("api/auth/refresh", refreshBody);
                })).toList();
        start.countDown();
        List<Reply> replies = racing.stream().map(CompletableFuture::join).toList();

        replies.forEach(reply -> assertEquals(200, reply.status(), reply::toString));
        assertEquals(1, replies.stream().map(reply -> reply.json().getString("refresh_token")).distinct().count());
        assertEquals(200, me(b, session), "no theft was detected: the session lives on");
    }

    /**
     * 50 logins of one user at once, alternating between the nodes, while a checker reads the live
     * sessions in the database as fast as it can: never more than the limit, and at the end exactly
     * the limit's worth of cookies work, on both nodes.
     */
    @Test
    void fiftyParallelLoginsOverTwoNodesNeverLeaveMoreThanTheLimitAlive() throws Exception {
        String user = newUser("crowd");
        String live = "select count(*) from hp_session where username = '" + user + "' and status = 'ACTIVE'";
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService crowd = Executors.newFixedThreadPool(ATTEMPTS);
        AtomicBoolean racing = new AtomicBoolean(true);
        AtomicLong mostSeen = new AtomicLong();
        AtomicLong checks = new AtomicLong();
        CompletableFuture<Void> checker = CompletableFuture.runAsync(() -> {
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                while (racing.get() && checks.get() < 1_000_000) {
                    try (ResultSet count = statement.executeQuery(live)) {
                        count.next();
                        mostSeen.accumulateAndGet(count.getLong(1), Math::max);
                        checks.incrementAndGet();
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        List<CompletableFuture<Reply>> logins = IntStream.range(0, ATTEMPTS)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Logins.login(i % 2 == 0 ? a : b, user, PASSWORD);
                }, crowd)).toList();
        start.countDown();
        List<Reply> replies = logins.stream().map(CompletableFuture::join).toList();
        racing.set(false);
        checker.join();
        crowd.shutdown();

        replies.forEach(reply -> assertEquals(200, reply.status(), reply::toString));
        System.out.println("50 parallel logins: most live sessions seen " + mostSeen.get() + " in " + checks.get() + " checks");
        assertTrue(mostSeen.get() <= MAX_PER_USER && checks.get() > 0, "at most 5 live at any moment, saw " + mostSeen.get());
        assertEquals(MAX_PER_USER, rows(live));
        List<String> secrets = replies.stream().map(reply -> reply.setCookie(Logins.COOKIE).orElseThrow().value()).toList();
        await(() -> secrets.stream().filter(secret -> me(a, secret) == 200).count() == MAX_PER_USER
                && secrets.stream().filter(secret -> me(b, secret) == 200).count() == MAX_PER_USER,
                Duration.ofSeconds(2), "exactly 5 cookies working on both nodes");
    }

    @Test
    void failedLoginsCountOnEveryNodeThroughRedis() {
        String user = newUser("guessed");
        for (int i = 0; i < ATTEMPTS; i++) {
            assertEquals(401, Logins.login(i % 2 == 0 ? a : b, user, "wrong").status());
        }

        Reply onA = Logins.login(a, user, PASSWORD);
        Reply onB = Logins.login(b, user, PASSWORD);

        assertEquals(429, onA.status(), onA::toString);
        assertEquals(429, onB.status(), "failures spread over two nodes all count: " + onB);
        assertTrue(Long.parseLong(onB.header("Retry-After").orElseThrow()) > 0);
    }

    @Test
    void anAccessTokenFromOneNodeWorksOnTheOtherUntilALogoutAnywhere() {
        String session = Logins.secretOf(a, newUser("bearer"), PASSWORD);
        String token = a.send("POST", "api/auth/token", null, null, cookie(session)).json().getString("access_token");
        assertEquals(200, b.get("api/auth/me", "Authorization", "Bearer " + token).status(), "keys are shared");

        assertEquals(204, a.send("POST", "api/auth/logout", null, null, cookie(session)).status());

        Duration refused = await(() -> b.get("api/auth/me", "Authorization", "Bearer " + token).status() == 401,
                Duration.ofSeconds(1), "node B refusing the logged-out session's access token");
        System.out.println("Access token refused on the other node after " + refused.toMillis() + " ms");
    }

    @Test
    void endedSessionsAreRemovedInBatchesWhileLiveOnesStay() throws SQLException {
        String user = newUser("cleanup");
        List<String> ended = List.of(Logins.secretOf(a, user, PASSWORD), Logins.secretOf(b, user, PASSWORD),
                Logins.secretOf(a, user, PASSWORD));
        String live = Logins.secretOf(b, user, PASSWORD);
        ended.forEach(secret -> assertEquals(204, a.send("POST", "api/auth/logout", null, null, cookie(secret)).status()));
        assertEquals(4, rows("select count(*) from hp_session where username = '" + user + "'"));

        await(() -> rowsQuietly("select count(*) from hp_session where username = '" + user + "'") == 1,
                Duration.ofSeconds(20), "cleanup of the three ended sessions");

        assertEquals(200, me(a, live), "the live session is untouched");
        assertEquals(0, rows("select count(*) from hp_lease where name = 'session-cleanup' and holder = 'nobody'"),
                "a node took the lease");
    }

    @Test
    void aUsersSessionsComeFromAnIndexedQuery() throws SQLException {
        String user = newUser("devices");
        String onA = Logins.secretOf(a, user, PASSWORD);
        Logins.secretOf(b, user, PASSWORD);

        List<JsonObject> listed = a.get("api/sessions", cookie(onA)).jsonList();

        assertEquals(2, listed.size());
        assertEquals(1, listed.stream().filter(session -> session.getBoolean("current")).count());
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("set enable_seqscan = off");
            ResultSet plan = statement.executeQuery("explain select * from hp_session where username = '" + user
                    + "' and status = 'ACTIVE'");
            StringBuilder text = new StringBuilder();
            while (plan.next()) {
                text.append(plan.getString(1)).append('\n');
            }
            // with a handful of rows the planner may take any index on status; never a scan of the table
            assertTrue(text.toString().contains("Index") && !text.toString().contains("Seq Scan"), text.toString());
        }
    }

    private static long rows(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static long rowsQuietly(String sql) {
        try {
            return rows(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
