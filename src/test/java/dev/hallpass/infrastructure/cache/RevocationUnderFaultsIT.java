package dev.hallpass.infrastructure.cache;

import static dev.hallpass.testsupport.Logins.PASSWORD;
import static dev.hallpass.testsupport.Logins.cookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.testsupport.Cleanup;
import dev.hallpass.testsupport.Http;
import dev.hallpass.testsupport.Logins;
import dev.hallpass.testsupport.PayaraMicroProcess;
import dev.hallpass.testsupport.PostgresDatabase;
import dev.hallpass.testsupport.RedisProcess;
import dev.hallpass.testsupport.Reply;
import dev.hallpass.testsupport.TwoNodeCluster;
import jakarta.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

/**
 * The consistency model of docs/architecture.md under partial faults, on the production shape: two Payara
 * Micro nodes, one Redis and one PostgreSQL database, all of the test's own. Each nested class is one
 * guarantee; each test injects a fault that a clean-outage test never sees and asserts the guarantee's bound:
 * a session the database says has ended is refused by every node within {@link #BOUND} (one reconcile
 * interval, 1 s, plus the requests' own time), whatever Redis or the network did.
 */
class RevocationUnderFaultsIT {

    /** The reconcile interval (1 s) and the time the requests themselves take on a loaded 2-core machine. */
    static final Duration BOUND = Duration.ofMillis(1500);
    /** Long, so that a test passing within BOUND proves the end did not wait for the local cache to expire. */
    static final Duration LOCAL_TTL = Duration.ofSeconds(20);

    static TwoNodeCluster cluster;
    static PostgresDatabase database;
    static RedisProcess redis;
    static PayaraMicroProcess nodeB;
    static Http a;
    static Http b;

    @BeforeAll
    static void startTwoNodes() {
        cluster = TwoNodeCluster.start("revocation-faults", Map.of("hallpass.cache.local-ttl", LOCAL_TTL.toString()));
        database = cluster.database;
        redis = cluster.redis;
        nodeB = cluster.nodeB;
        a = cluster.a;
        b = cluster.b;
    }

    @AfterAll
    static void stopEverything() {
        Cleanup.closeAll(cluster);
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    static String newUser(String prefix, String... roles) {
        return Logins.newUser(a, Logins.adminSecret(a), prefix, PASSWORD, roles);
    }

    static int me(Http node, String secret) {
        return node.get("api/auth/me", cookie(secret)).status();
    }

    static int bearerMe(Http node, String accessToken) {
        return node.get("api/auth/me", "Authorization", "Bearer " + accessToken).status();
    }

    static String handleOf(Http node, String secret) {
        return node.get("api/auth/me", cookie(secret)).json().getJsonObject("session").getString("handle");
    }

    static String accessToken(Http node, String secret) {
        return node.send("POST", "api/auth/token", null, null, cookie(secret)).json().getString("access_token");
    }

    static void kill(Http node, String handle) {
        Reply killed = node.send("DELETE", "api/admin/sessions/" + handle + "?reason=fault-test", null, null,
                cookie(Logins.adminSecret(node)));
        assertEquals(204, killed.status(), killed::toString);
    }

    /** Polls until {@code status} answers 401; returns how long that took. Fails after {@code limit}. */
    static Duration awaitRefused(IntSupplier status, Duration limit, String what) {
        Instant start = Instant.now();
        int last;
        while ((last = status.getAsInt()) != 401) {
            assertEquals(200, last, what + ": neither accepted nor refused");
            if (Duration.between(start, Instant.now()).compareTo(limit) > 0) {
                throw new AssertionError(what + " was still accepted after " + limit);
            }
            pause(Duration.ofMillis(20));
        }
        Duration took = Duration.between(start, Instant.now());
        System.out.println(what + ": refused after " + took.toMillis() + " ms");
        return took;
    }

    /** And it stays refused: {@code checks} checks over {@code during}. */
    static void staysRefused(IntSupplier status, int checks, Duration during, String what) {
        for (int i = 0; i < checks; i++) {
            assertEquals(401, status.getAsInt(), what + " was accepted again at check " + (i + 1));
            pause(during.dividedBy(checks));
        }
    }

    static String redisValue(String secret) {
        try (RedisClient client = RedisClient.create("127.0.0.1", redis.port())) {
            return client.get("hallpass:session:" + hash(secret));
        }
    }

    static void redisCommand(String... args) {
        try (RedisClient client = RedisClient.create("127.0.0.1", redis.port())) {
            client.sendCommand(Protocol.Command.valueOf(args[0]), java.util.Arrays.copyOfRange(args, 1, args.length));
        }
    }

    static String hash(String secret) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static long sql(String query, String... parameters) {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            if (!query.stripLeading().toLowerCase().startsWith("select")) {
                return statement.executeUpdate();
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A user's session, used on both nodes so that it sits in Redis and in both local caches. */
    static String sessionOnBothNodes(String user) {
        String secret = Logins.secretOf(a, user, PASSWORD);
        assertEquals(200, me(a, secret));
        assertEquals(200, me(b, secret));
        return secret;
    }

    // ---- 1. the database is the truth; caches only speed it up --------------------------------------------

    @Nested
    class TheDatabaseIsTheTruth {

        /** A node died after its commit and before any Redis write, or its message was lost: only the database knows. */
        @Test
        void anEndOnlyTheDatabaseKnowsIsRefusedByEveryNodeForCookieAndTokenWithinTheBound() {
            String secret = sessionOnBothNodes(newUser("dbonly"));
            String token = accessToken(b, secret);
            assertEquals(200, bearerMe(b, token));

            assertEquals(1, sql("update hp_session set status = 'REVOKED', end_reason = 'KILLED', ended_at = now(), "
                    + "version = version + 1 where secret_hash = ?", hash(secret)));

            awaitRefused(() -> me(a, secret), BOUND, "node A, cookie (Redis and local cache still say active)");
            awaitRefused(() -> me(b, secret), BOUND, "node B, cookie");
            awaitRefused(() -> bearerMe(b, token), BOUND, "node B, access token (no message was ever sent)");
            staysRefused(() -> me(b, secret), 10, Duration.ofSeconds(2), "the cookie on node B");
            assertEquals("X", redisValue(secret), "the reconciler wrote the tombstone nobody else wrote");
        }

        @Test
        void aTouchNeverExtendsTheRedisEntryBeyondItsLastConfirmationFromTheDatabase() {
            String secret = sessionOnBothNodes(newUser("ttl"));
            long first = pttl(secret);
            long start = System.nanoTime();
            pause(Duration.ofSeconds(2));

            // another user agent (binding "log") rewrites the entry exactly as a touch does
            assertEquals(200, a.get("api/auth/me", "Cookie", Logins.COOKIE + "=" + secret, "User-Agent", "another agent").status());

            long after = pttl(secret);
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            assertTrue(redisValue(secret).contains("another agent"), "the entry was rewritten: " + redisValue(secret));
            assertTrue(after > 0 && after <= first - elapsed + 100,
                    "rewritten with its old deadline: " + first + " ms left, " + elapsed + " ms later " + after + " ms left");
        }

        private long pttl(String secret) {
            try (RedisClient client = RedisClient.create("127.0.0.1", redis.port())) {
                return client.pttl("hallpass:session:" + hash(secret));
            }
        }
    }

    // ---- 2. every end reaches Redis eventually ------------------------------------------------------------

    @Nested
    class EveryEndReachesRedis {

        /** The review's H1: the kill's tombstone and message fail, reads still work. */
        @Test
        void anEndWhileRedisWritesArePausedIsRefusedEverywhereAndTombstonedWhenWritesResume() {
            String secret = sessionOnBothNodes(newUser("paused"));
            String handle = handleOf(a, secret);
            String token = accessToken(a, secret);
            String admin = Logins.adminSecret(a);

            redisCommand("CLIENT", "PAUSE", "1500", "WRITE");
            Instant paused = Instant.now();
            Reply killed = a.send("DELETE", "api/admin/sessions/" + handle, null, null, cookie(admin));
            assertEquals(204, killed.status(), killed::toString);

            awaitRefused(() -> me(a, secret), BOUND, "node A, the killing node, while writes are paused");
            awaitRefused(() -> me(b, secret), BOUND, "node B, which got no message");
            awaitRefused(() -> bearerMe(b, token), BOUND, "node B, the session's access token");
            assertEquals(401, a.send("POST", "api/auth/token", null, null, cookie(secret)).status(), "no new tokens");
            Instant resumed = paused.plusMillis(1500);
            while (!"X".equals(redisValue(secret))) {
                assertTrue(Instant.now().isBefore(resumed.plus(BOUND)), "no tombstone within the bound after writes resumed");
                pause(Duration.ofMillis(20));
            }
            staysRefused(() -> me(b, secret), 20, Duration.ofSeconds(5), "the killed session on node B");
        }

        /** Writes refused for longer than a reconcile pass looks back (a long pause, a read-only replica). */
        @Test
        void aTombstoneRedisRefusesForLongerThanAPassLooksBackIsWrittenOnceItTakesWritesAgain() {
            String secret = sessionOnBothNodes(newUser("longpause"));
            String handle = handleOf(a, secret);
            String admin = Logins.adminSecret(a);
            long pauseMillis = EndReconciler.LOOKBACK.toMillis() + 3_000;

            redisCommand("CLIENT", "PAUSE", Long.toString(pauseMillis), "WRITE");
            Instant resumes = Instant.now().plusMillis(pauseMillis);
            assertEquals(204, a.send("DELETE", "api/admin/sessions/" + handle, null, null, cookie(admin)).status());
            awaitRefused(() -> me(b, secret), BOUND, "node B while Redis refuses writes");
            while (Instant.now().isBefore(resumes)) {
                pause(Duration.ofMillis(100));
            }

            while (!"X".equals(redisValue(secret))) {
                assertTrue(Instant.now().isBefore(resumes.plus(BOUND)),
                        "no tombstone within the bound after a write pause longer than a pass looks back");
                pause(Duration.ofMillis(20));
            }
            System.out.println("Tombstone written " + Duration.between(resumes, Instant.now()).toMillis()
                    + " ms after a " + pauseMillis + " ms write pause ended");
        }

        /** Redis stalls completely (every pool connection waits and times out) while requests keep coming. */
        @Test
        void anEndWhileRedisStallsUnderLoadIsRefusedEverywhere() throws Exception {
            String victim = sessionOnBothNodes(newUser("stalled"));
            String handle = handleOf(a, victim);
            List<String> others = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                others.add(Logins.secretOf(a, newUser("load"), PASSWORD));
            }
            String admin = Logins.adminSecret(a);
            ExecutorService load = Executors.newFixedThreadPool(16);
            AtomicBoolean running = new AtomicBoolean(true);
            for (int t = 0; t < 16; t++) {
                String secret = others.get(t % others.size());
                load.submit(() -> {
                    for (int i = 0; i < 2_000 && running.get(); i++) {
                        me(a, secret);
                    }
                });
            }
            try {
                redisCommand("CLIENT", "PAUSE", "1500", "ALL");
                kill(a, handle);
                awaitRefused(() -> me(a, victim), BOUND.plusMillis(1500), "node A, Redis stalled under load");
                awaitRefused(() -> me(b, victim), BOUND, "node B");
            } finally {
                running.set(false);
                load.shutdown();
                load.awaitTermination(30, TimeUnit.SECONDS);
            }
            staysRefused(() -> me(b, victim), 10, Duration.ofSeconds(3), "the killed session on node B after the stall");
            others.forEach(secret -> assertEquals(200, me(a, secret), "the other sessions lived through the stall"));
        }

        /** A real crash: node C commits a logout and is SIGKILLed before it writes anything to Redis. */
        @Test
        void aNodeKilledBetweenTheCommitAndTheRedisWriteLeavesNoLiveSessionOnTheOthers() throws Exception {
            try (PayaraMicroProcess nodeC = cluster.another("c", Map.of("hallpass.test.announce-delay", "PT30S"))) {
                Http c = new Http(nodeC.baseUri());
                String secret = sessionOnBothNodes(newUser("crash"));
                assertEquals(200, me(c, secret));
                CompletableFuture<Reply> logout = CompletableFuture.supplyAsync(
                        () -> c.send("POST", "api/auth/logout", null, null, cookie(secret)));
                while (sql("select count(*) from hp_session where secret_hash = ? and status = 'LOGGED_OUT'", hash(secret)) == 0) {
                    assertTrue(!logout.isDone(), "the logout finished before its announcement delay: " + logout.getNow(null));
                    pause(Duration.ofMillis(20));
                }
                Instant committed = Instant.now();
                assertTrue(!logout.isDone(), "node C is still between its commit and its Redis write");
                nodeC.kill();
                System.out.println("Node C killed " + Duration.between(committed, Instant.now()).toMillis() + " ms after its commit");
                // the other nodes' reconcilers may already have written the tombstone the dead node never wrote
                awaitRefused(() -> me(a, secret), BOUND, "node A after node C died");
                awaitRefused(() -> me(b, secret), BOUND, "node B after node C died");
                System.out.println("Crash between commit and Redis write: refused everywhere "
                        + Duration.between(committed, Instant.now()).toMillis() + " ms after the commit");
            }
        }
    }

    // ---- 3. a Redis restored from an old snapshot resurrects nothing ------------------------------------

    @Nested
    class NoResurrectionFromRedis {

        @Test
        void aSessionKilledAfterTheSnapshotStaysDeadWhenRedisRestartsFromIt() {
            String secret = sessionOnBothNodes(newUser("snapshot"));
            String handle = handleOf(a, secret);
            redisCommand("SAVE");
            kill(a, handle);
            awaitRefused(() -> me(b, secret), BOUND, "node B after the kill");

            redis.stop();
            redis.startAgain();
            Instant restarted = Instant.now();
            System.out.println("Redis restarted from the snapshot holding: " + redisValue(secret));

            staysRefused(() -> me(a, secret), 10, Duration.ofSeconds(2), "node A after Redis restarted from the snapshot");
            staysRefused(() -> me(b, secret), 10, Duration.ofSeconds(2), "node B after Redis restarted from the snapshot");
            while (!"X".equals(redisValue(secret))) {
                assertTrue(Instant.now().isBefore(restarted.plus(Duration.ofSeconds(5))),
                        "the restored entry was not overwritten by a tombstone");
                pause(Duration.ofMillis(50));
            }
        }
    }

    // ---- 4. account changes win over racing logins -------------------------------------------------------

    @Nested
    class AccountChangesWinOverRacingLogins {

        /** Six loops log in on both nodes while the change lands; returns every cookie they got. */
        private List<String> loginsRacing(String user, Runnable change) throws Exception {
            List<String> cookies = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService loops = Executors.newFixedThreadPool(6);
            for (int t = 0; t < 6; t++) {
                Http node = t % 2 == 0 ? a : b;
                loops.submit(() -> {
                    for (int i = 0; i < 1_000 && running.get(); i++) {
                        Reply reply = Logins.login(node, user, PASSWORD);
                        reply.setCookie(Logins.COOKIE).ifPresent(c -> cookies.add(c.value()));
                    }
                });
            }
            pause(Duration.ofMillis(1500));
            change.run();
            pause(Duration.ofMillis(1500));
            running.set(false);
            loops.shutdown();
            assertTrue(loops.awaitTermination(60, TimeUnit.SECONDS));
            assertTrue(cookies.size() > 20, "the loops logged in " + cookies.size() + " times");
            System.out.println(user + ": " + cookies.size() + " logins raced the change");
            return cookies;
        }

        private void noneLive(String user, List<String> cookies) {
            assertEquals(0, sql("select count(*) from hp_session where username = ? and status = 'ACTIVE'", user),
                    "live sessions left in the database");
            for (String secret : cookies) {
                assertEquals(401, me(a, secret));
                assertEquals(401, me(b, secret));
            }
        }

        @Test
        void aDisableLeavesNoSessionOfTheAccountAlive() throws Exception {
            String user = newUser("disabled");
            String admin = Logins.adminSecret(a);
            List<String> cookies = loginsRacing(user, () -> assertEquals(200,
                    b.send("POST", "api/admin/accounts/" + user + "/disable", null, null, cookie(admin)).status()));
            noneLive(user, cookies);
        }

        @Test
        void aPasswordResetLeavesNoSessionMadeWithTheOldPassword() throws Exception {
            String user = newUser("reset");
            String admin = Logins.adminSecret(a);
            String body = Json.createObjectBuilder().add("password", "a brand new password 123").build().toString();
            List<String> cookies = loginsRacing(user, () -> assertEquals(204,
                    a.send("PUT", "api/admin/accounts/" + user + "/password", "application/json", body, cookie(admin)).status()));
            noneLive(user, cookies);
        }

        @Test
        void aDemotedAdministratorKeepsNoAdminSession() throws Exception {
            String user = newUser("demoted", "admin", "user");
            String admin = Logins.adminSecret(a);
            String body = Json.createObjectBuilder().add("roles", Json.createArrayBuilder().add("user")).build().toString();
            List<String> cookies = loginsRacing(user, () -> assertEquals(200,
                    b.send("PUT", "api/admin/accounts/" + user + "/roles", "application/json", body, cookie(admin)).status()));
            assertEquals(0, sql("select count(*) from hp_session where username = ? and status = 'ACTIVE' and roles like '%admin%'", user));
            for (String secret : cookies) {
                assertNotEquals(200, a.get("api/admin/accounts", cookie(secret)).status(), "an admin session survived the demotion");
                assertNotEquals(200, b.get("api/admin/accounts", cookie(secret)).status(), "an admin session survived the demotion");
            }
        }
    }

    // ---- 5. a cache entry is not authority ------------------------------------------------------------------

    @Nested
    class RedisWriteAccessGivesNoSession {

        /** Node B reads Redis again (after another test's outage its breaker may still be open): what these tests need. */
        @org.junit.jupiter.api.BeforeEach
        void nodeBAnswersFromRedis() {
            String user = newUser("probe");
            double before = redisHits(b);
            for (int i = 0; i < 40 && redisHits(b) <= before; i++) {
                me(b, Logins.secretOf(a, user, PASSWORD));
                pause(Duration.ofMillis(250));
            }
            assertTrue(redisHits(b) > before, "node B never answered from Redis");
        }

        private double redisHits(Http node) {
            return dev.hallpass.testsupport.Metrics.of(node, "hallpass_session_cache_requests_total", "layer=\"redis\"",
                    "result=\"hit\"");
        }

        @Test
        void aForgedEntryInRedisIsNotASession() {
            newUser("ghost");
            String secret = "forgedforgedforgedforgedforgedforgedforged1";
            long now = Instant.now().toEpochMilli() * 1000;
            String oldFormat = String.join("|", "2", "AAAAAAAAAAAAAAAAAAAAAA", hash(secret), "ghost", "admin,user",
                    Long.toString(now), Long.toString(now), Long.toString(now + 900_000_000L), Long.toString(now + 3_600_000_000L),
                    "0", "127.0.0.1", "Java-http-client");
            String unsealed = "3|bm90LWEtc2VhbA|" + now + oldFormat.substring(1);
            for (String forged : List.of(oldFormat, unsealed)) {
                try (RedisClient client = RedisClient.create("127.0.0.1", redis.port())) {
                    client.set("hallpass:session:" + hash(secret), forged);
                }
                assertEquals(401, me(a, secret), "forged entry " + forged);
                assertEquals(401, b.get("api/admin/accounts", cookie(secret)).status());
                assertEquals(401, a.send("POST", "api/auth/token", null, null, cookie(secret)).status(), "no admin JWT");
            }
        }

        @Test
        void aRealEntryWhoseRolesWereEditedInRedisDoesNotElevate() {
            String secret = Logins.secretOf(a, newUser("edited"), PASSWORD);
            String entry = redisValue(secret);
            assertTrue(entry.contains("|user|"), entry);
            try (RedisClient client = RedisClient.create("127.0.0.1", redis.port())) {
                client.set("hallpass:session:" + hash(secret), entry.replace("|user|", "|admin,user|"));
            }
            // node B has never seen the session: it asks Redis and finds the edited entry
            assertEquals(403, b.get("api/admin/accounts", cookie(secret)).status(), "the edited entry was a miss: roles come from the database");
            assertEquals(200, me(b, secret), "and the session itself lives on");
        }
    }

    // ---- 7. token clients can log out ----------------------------------------------------------------------

    @Nested
    class TokenClientsCanLogOut {

        @Test
        void aLogoutWithOnlyABearerTokenEndsTheSessionItsRefreshTokensAndItsAccessTokensEverywhere() {
            String user = newUser("tokenclient");
            String body = Json.createObjectBuilder().add("username", user).add("password", PASSWORD).add("tokens", true)
                    .build().toString();
            var tokens = a.postJson("api/auth/login", body).json().getJsonObject("tokens");
            String access = tokens.getString("access_token");
            String refresh = tokens.getString("refresh_token");
            assertEquals(200, bearerMe(b, access));

            assertEquals(204, b.send("POST", "api/auth/logout", null, null, "Authorization", "Bearer " + access).status());

            awaitRefused(() -> bearerMe(b, access), BOUND, "the access token on the node that logged out");
            awaitRefused(() -> bearerMe(a, access), BOUND, "the access token on the other node");
            Reply refreshed = a.postJson("api/auth/refresh", Json.createObjectBuilder().add("refresh_token", refresh).build().toString());
            assertEquals(400, refreshed.status(), refreshed::toString);
            assertEquals("invalid_grant", refreshed.json().getString("error"));
        }

        @Test
        void aClientWithoutCredentialsCanRevokeItsOwnRefreshToken() {
            String user = newUser("revoker");
            String body = Json.createObjectBuilder().add("username", user).add("password", PASSWORD).add("tokens", true)
                    .build().toString();
            String refresh = a.postJson("api/auth/login", body).json().getJsonObject("tokens").getString("refresh_token");

            Reply revoked = b.send("POST", "api/auth/revoke", "application/x-www-form-urlencoded",
                    "token=" + URLEncoder.encode(refresh, StandardCharsets.US_ASCII) + "&token_type_hint=refresh_token");

            assertEquals(200, revoked.status(), revoked::toString);
            Reply refreshed = a.postJson("api/auth/refresh", Json.createObjectBuilder().add("refresh_token", refresh).build().toString());
            assertEquals(400, refreshed.status(), refreshed::toString);
            Reply withoutCredentials = b.send("POST", "api/auth/revoke", "application/x-www-form-urlencoded", "token=eyJ.e30.x");
            assertEquals(401, withoutCredentials.status(), "anything but an own refresh token still needs client credentials");
        }
    }
}
