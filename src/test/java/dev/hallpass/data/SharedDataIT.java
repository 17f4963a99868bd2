package dev.hallpass.data;

import static dev.hallpass.testsupport.Logins.PASSWORD;
import static dev.hallpass.testsupport.Logins.cookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.testsupport.Cleanup;
import dev.hallpass.testsupport.EventStream;
import dev.hallpass.testsupport.Http;
import dev.hallpass.testsupport.Logins;
import dev.hallpass.testsupport.Reply;
import dev.hallpass.testsupport.TwoNodeCluster;
import dev.hallpass.token.control.ClientCredentials;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Session data, per-user data and presence on the production shape: two nodes, PostgreSQL and Redis of the
 * test's own. Documents are versioned (never a silent overwrite), a change reaches the user's other sessions'
 * streams on the other node, and still does when Redis is gone (the database catch-up); session data ends with
 * its session, user data with the account. Presence follows open streams on any node and recent use, and is
 * degraded to the database's last-seen without Redis.
 */
class SharedDataIT {

    /** Long: a node that answers a new version within the test's bound was told, it did not wait for its cache to expire. */
    static final Duration LOCAL_TTL = Duration.ofSeconds(60);
    static final Duration WINDOW = Duration.ofSeconds(4);
    static final Duration CHECK = Duration.ofSeconds(1);
    static final String CLIENT_SECRET = "presence-client-secret-0123456789";

    static TwoNodeCluster cluster;
    static Http a;
    static Http b;
    static String admin;

    @BeforeAll
    static void start() {
        cluster = TwoNodeCluster.start("shared-data", Map.of(
                "hallpass.cache.local-ttl", LOCAL_TTL.toString(),
                "hallpass.data.max-bytes", "1024",
                "hallpass.data.max-documents", "3",
                "hallpass.presence.window", WINDOW.toString(),
                "hallpass.presence.check-interval", CHECK.toString(),
                "hallpass.push.heartbeat", CHECK.toString(), // a closed stream is noticed at its next write
                "hallpass.push.check-interval", CHECK.toString(),
                "hallpass.token.clients", "presence-app:" + Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(ClientCredentials.sha256(CLIENT_SECRET))));
        a = cluster.a;
        b = cluster.b;
        admin = Logins.adminSecret(a);
    }

    @AfterAll
    static void stop() {
        Cleanup.closeAll(cluster);
    }

    static String newUser(String prefix) {
        return Logins.newUser(a, admin, prefix, PASSWORD);
    }

    static Reply put(Http node, String path, String json, String secret, String... headers) {
        return node.send("PUT", path, "application/json", json, join(cookie(secret), headers));
    }

    static Reply patch(Http node, String path, String json, String secret, String... headers) {
        return node.send("PATCH", path, "application/merge-patch+json", json, join(cookie(secret), headers));
    }

    static String[] join(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    static String etag(Reply reply) {
        return reply.header("ETag").orElseThrow(() -> new AssertionError("no ETag: " + reply));
    }

    static String handleOf(Http node, String secret) {
        return node.get("api/auth/me", cookie(secret)).json().getJsonObject("session").getString("handle");
    }

    static void assertProblem(int status, Reply reply) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class Documents {

        @Test
        void aDocumentIsVersionedAndNeverOverwrittenSilently() {
            String secret = Logins.secretOf(a, newUser("versions"), PASSWORD);
            String cart = "api/me/data/cart";
            Reply created = put(a, cart, "{\"items\": [1]}", secret);
            assertEquals(201, created.status(), created::toString);
            assertEquals("\"1\"", etag(created));

            Reply read = b.get(cart, cookie(secret));
            assertEquals(200, read.status(), read::toString);
            assertEquals("\"1\"", etag(read));
            assertEquals(1, read.json().getJsonArray("items").size());

            assertProblem(428, put(a, cart, "{\"items\": []}", secret));
            assertProblem(412, put(b, cart, "{\"items\": []}", secret, "If-Match", "\"2\""));
            assertProblem(412, put(b, cart, "{\"items\": []}", secret, "If-None-Match", "*"));
            Reply replaced = put(b, cart, "{\"items\": [1, 2]}", secret, "If-Match", "\"1\"");
            assertEquals(200, replaced.status(), replaced::toString);
            assertEquals("\"2\"", etag(replaced));
            assertProblem(412, put(a, cart, "{\"items\": [9]}", secret, "If-Match", "\"1\""));

            Reply patched = patch(a, cart, "{\"coupon\": \"WINTER\"}", secret);
            assertEquals(200, patched.status(), patched::toString);
            assertEquals("\"3\"", etag(patched));
            assertEquals("WINTER", patched.json().getString("coupon"));
            assertEquals(2, patched.json().getJsonArray("items").size(), "a merge patch keeps what it does not name");
            assertProblem(412, patch(a, cart, "{\"coupon\": null}", secret, "If-Match", "\"2\""));

            assertProblem(412, a.send("DELETE", cart, null, null, join(cookie(secret), new String[] {"If-Match", "\"2\""})));
            assertEquals(204, b.send("DELETE", cart, null, null, cookie(secret)).status());
            assertProblem(404, a.get(cart, cookie(secret)));
            Reply again = put(a, cart, "{}", secret);
            assertEquals(201, again.status(), again::toString);
            assertEquals("\"5\"", etag(again), "versions go on counting across a delete: an old ETag never matches again");
        }

        @Test
        void badInputIsRefusedWithAProblem() {
            String secret = Logins.secretOf(a, newUser("limits"), PASSWORD);
            assertProblem(400, put(a, "api/me/data/notes", "{\"unclosed\": ", secret));
            assertProblem(400, put(a, "api/me/data/bad%20name", "{}", secret));
            assertProblem(400, put(a, "api/me/data/notes", "{}", secret, "If-Match", "seven"));
            assertProblem(413, put(a, "api/me/data/notes", "\"" + "x".repeat(1100) + "\"", secret));
            for (String name : new String[] {"one", "two", "three"}) {
                assertEquals(201, put(a, "api/me/data/" + name, "[]", secret).status());
            }
            assertProblem(409, put(a, "api/me/data/four", "[]", secret));
            assertProblem(401, a.get("api/me/data/one"));
            assertProblem(403, a.get("api/admin/data/users/someone", cookie(secret)));
        }

        @Test
        void bearerAndCookieWorkAlikeAndSessionDataBelongsToOneSession() {
            String user = newUser("scopes");
            String first = Logins.secretOf(a, user, PASSWORD);
            String second = Logins.secretOf(b, user, PASSWORD);
            String token = a.send("POST", "api/auth/token", null, null, cookie(first)).json().getString("access_token");
            String[] bearer = {"Authorization", "Bearer " + token};

            Reply draft = b.send("PUT", "api/sessions/current/data/draft", "application/json", "{\"text\": \"hi\"}", bearer);
            assertEquals(201, draft.status(), draft::toString);
            assertEquals("hi", a.get("api/sessions/current/data/draft", cookie(first)).json().getString("text"));
            assertProblem(404, b.get("api/sessions/current/data/draft", cookie(second)));

            assertEquals(201, a.send("PUT", "api/me/data/theme", "application/json", "\"dark\"", bearer).status());
            assertEquals("\"dark\"", b.get("api/me/data/theme", cookie(second)).body());
            JsonObject listed = b.get("api/me/data", cookie(second)).json();
            assertEquals("theme", listed.getJsonArray("documents").getJsonObject(0).getString("name"));
        }

        @Test
        void aChangeReachesTheUsersOtherSessionsOnTheOtherNodeAndItsCacheAtOnce() {
            String user = newUser("sync");
            String phone = Logins.secretOf(a, user, PASSWORD);
            String laptop = Logins.secretOf(b, user, PASSWORD);
            assertEquals(201, put(a, "api/me/data/cart", "{\"items\": 1}", phone).status());
            assertEquals(1, b.get("api/me/data/cart", cookie(laptop)).json().getInt("items")); // node B caches version 1

            try (EventStream laptopStream = EventStream.open(b, "api/events", cookie(laptop));
                 EventStream phoneTab = EventStream.open(b, "api/events", cookie(phone))) {
                laptopStream.next("ready", Duration.ofSeconds(5));
                phoneTab.next("ready", Duration.ofSeconds(5));
                assertEquals(200, patch(a, "api/me/data/cart", "{\"items\": 2}", phone).status());

                JsonObject event = laptopStream.next("data-updated", Duration.ofSeconds(2)).json();
                assertEquals("user", event.getString("scope"));
                assertEquals("cart", event.getString("name"));
                assertEquals(2, event.getInt("version"));
                assertEquals(handleOf(a, phone), event.getString("session"));
                assertEquals(2, b.get("api/me/data/cart", cookie(laptop)).json().getInt("items"),
                        "node B's cache dropped version 1 when told (its TTL is " + LOCAL_TTL + ")");
                phoneTab.next("data-updated", Duration.ofSeconds(2)); // user data: every session, the writer's other tabs too

                assertEquals(201, put(a, "api/sessions/current/data/draft", "{}", phone).status());
                assertEquals("draft", phoneTab.next("data-updated", Duration.ofSeconds(2)).json().getString("name"));
                assertTrue(laptopStream.poll("data-updated", Duration.ofSeconds(2)).isEmpty(),
                        "another session's data is not announced to this one");
            }
        }

        @Test
        void withRedisGoneAChangeStillReachesTheOtherNodeFromTheDatabase() {
            String user = newUser("noredis");
            String phone = Logins.secretOf(a, user, PASSWORD);
            String laptop = Logins.secretOf(b, user, PASSWORD);
            assertEquals(201, put(a, "api/me/data/cart", "{\"items\": 1}", phone).status());
            assertEquals(1, b.get("api/me/data/cart", cookie(laptop)).json().getInt("items"));
            try (EventStream laptopStream = EventStream.open(b, "api/events", cookie(laptop))) {
                laptopStream.next("ready", Duration.ofSeconds(5));
                cluster.redis.stop(); // no message can be published: the write's commit is all the other node can learn from
                try {
                    Reply changed = put(a, "api/me/data/cart", "{\"items\": 3}", phone, "If-Match", "\"1\"");
                    assertEquals(200, changed.status(), changed::toString);
                    JsonObject event = laptopStream.next("data-updated", Duration.ofSeconds(4)).json();
                    assertEquals(2, event.getInt("version"));
                    assertEquals(3, b.get("api/me/data/cart", cookie(laptop)).json().getInt("items"));
                } finally {
                    cluster.redis.startAgain();
                }
            }
        }

        @Test
        void sessionDataEndsWithItsSessionAndUserDataIsErasedWithTheAccount() {
            String user = newUser("erase");
            String secret = Logins.secretOf(a, user, PASSWORD);
            String other = Logins.secretOf(b, user, PASSWORD);
            String handle = handleOf(a, secret);
            assertEquals(201, put(a, "api/sessions/current/data/draft", "{\"text\": \"x\"}", secret).status());
            assertEquals(201, put(a, "api/me/data/cart", "{\"items\": 1}", secret).status());
            JsonObject asAdmin = a.get("api/admin/data/sessions/" + handle, cookie(admin)).json();
            assertEquals("x", asAdmin.getJsonArray("documents").getJsonObject(0).getJsonObject("data").getString("text"));

            assertEquals(204, a.send("POST", "api/auth/logout", null, null, cookie(secret)).status());
            assertEquals(0, a.get("api/admin/data/sessions/" + handle, cookie(admin)).json().getJsonArray("documents").size());
            JsonObject userData = b.get("api/admin/data/users/" + user, cookie(admin)).json();
            assertEquals(1, userData.getJsonArray("documents").size(), "user data outlives a session");

            assertProblem(409, a.send("DELETE", "api/admin/accounts/admin", null, null, cookie(admin)));
            assertEquals(204, a.send("DELETE", "api/admin/accounts/" + user, null, null, cookie(admin)).status());
            assertEquals(401, b.get("api/auth/me", cookie(other)).status(), "the erased account's sessions ended");
            assertEquals(0, b.get("api/admin/data/users/" + user, cookie(admin)).json().getJsonArray("documents").size());
            assertProblem(404, a.get("api/admin/accounts/" + user, cookie(admin)));

            Logins.createAccount(a, admin, user, PASSWORD, "user");
            String reborn = Logins.secretOf(b, user, PASSWORD);
            assertProblem(404, b.get("api/me/data/cart", cookie(reborn)));
        }
    }

    @Nested
    class Presence {

        String basic = "Basic " + Base64.getEncoder().encodeToString(("presence-app:" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));

        JsonObject presenceOf(Http node, String user) {
            Reply reply = node.get("api/presence?user=" + user, "Authorization", basic);
            assertEquals(200, reply.status(), reply::toString);
            return reply.json().getJsonArray("users").getJsonObject(0);
        }

        @Test
        void aUserIsOnlineWhileUsedOrStreamingOnAnyNodeAndWatchersHearItChange() {
            String user = newUser("presence");
            String secret = Logins.secretOf(a, user, PASSWORD);
            assertTrue(presenceOf(a, user).getBoolean("online"), "just logged in");
            pause(WINDOW.plus(CHECK));
            JsonObject idle = presenceOf(b, user);
            assertFalse(idle.getBoolean("online"), idle::toString);
            assertTrue(idle.containsKey("lastSeenAt"), idle::toString);

            try (EventStream watch = EventStream.open(a, "api/presence/events?user=" + user, cookie(admin))) {
                assertFalse(watch.next("presence", Duration.ofSeconds(5)).json().getBoolean("online"));
                try (EventStream tab = EventStream.open(b, "api/events", cookie(secret))) {
                    tab.next("ready", Duration.ofSeconds(5));
                    JsonObject online = watch.next("presence-changed", CHECK.multipliedBy(4)).json();
                    assertTrue(online.getBoolean("online") && online.getBoolean("streaming"), online::toString);
                    JsonObject seenFromA = presenceOf(a, user);
                    assertTrue(seenFromA.getBoolean("streaming"), "node A sees node B's stream: " + seenFromA);
                }
                JsonObject offline = watch.next("presence-changed", CHECK.multipliedBy(10)).json();
                assertFalse(offline.getBoolean("online"), offline::toString);
            }
        }

        @Test
        void onlyApplicationsAndAdministratorsMayAskAndBadQuestionsAreProblems() {
            String user = newUser("asker");
            String secret = Logins.secretOf(a, user, PASSWORD);
            assertProblem(401, a.get("api/presence?user=" + user));
            assertProblem(401, a.get("api/presence?user=" + user, "Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString("presence-app:wrong".getBytes(StandardCharsets.UTF_8))));
            assertProblem(403, a.get("api/presence?user=" + user, cookie(secret)));
            assertProblem(400, a.get("api/presence", cookie(admin)));
            assertProblem(400, a.get("api/presence?user=no%20such%20name", cookie(admin)));
            assertEquals(200, a.get("api/presence?user=" + user, cookie(admin)).status());
        }

        @Test
        void withRedisGonePresenceIsDegradedToTheDatabasesLastSeen() {
            String user = newUser("degraded");
            Logins.secretOf(b, user, PASSWORD);
            cluster.redis.stop();
            try {
                JsonObject seen = presenceOf(a, user);
                assertTrue(seen.getBoolean("degraded"), seen::toString);
                assertTrue(seen.getBoolean("online"), "recently used, as the database says: " + seen);
            } finally {
                cluster.redis.startAgain();
            }
        }
    }
}
