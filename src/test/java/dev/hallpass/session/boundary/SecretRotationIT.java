package dev.hallpass.session.boundary;

import static dev.hallpass.testsupport.Logins.PASSWORD;
import static dev.hallpass.testsupport.Logins.cookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.testsupport.Http;
import dev.hallpass.testsupport.Logins;
import dev.hallpass.testsupport.Reply;
import dev.hallpass.testsupport.ServerClock;
import dev.hallpass.testsupport.SetCookie;
import dev.hallpass.testsupport.TwoNodeCluster;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Periodic renewal of the cookie secret on two nodes (PostgreSQL, Redis, both nodes' clocks moved alike): the
 * replaced secret works on every node for the overlap only, even on the node whose caches held it as current;
 * used after that next to its successor it ends the session as stolen; a renewal whose answer was lost gives
 * the old secret's bearer another one instead; a proxy check never renews.
 */
class SecretRotationIT {

    static final Duration PERIOD = Duration.ofMinutes(10);
    static final Duration OVERLAP = Duration.ofSeconds(30);

    static TwoNodeCluster cluster;
    String admin;

    @BeforeAll
    static void start() {
        cluster = TwoNodeCluster.startWithMovableClock("secret-rotation", Map.of(
                "hallpass.session.secret-rotation", PERIOD.toString(),
                "hallpass.session.secret-rotation-overlap", OVERLAP.toString()));
    }

    /** Each test's own administrator session: the console's idle timeout is shorter than the moves of the clock. */
    @org.junit.jupiter.api.BeforeEach
    void administrator() {
        admin = Logins.adminSecret(cluster.a);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Both nodes' clocks, so that they agree as real nodes' do. */
    static void advance(Duration by) {
        ServerClock.advance(cluster.a, by);
        ServerClock.advance(cluster.b, by);
    }

    static Reply me(Http node, String secret) {
        return node.get("api/auth/me", cookie(secret));
    }

    static Optional<String> renewed(Reply reply) {
        return reply.setCookie(Logins.COOKIE).map(SetCookie::value).filter(value -> !value.isEmpty());
    }

    /** Lets each node's reconcile pass (every second) run at least twice. */
    static void reconcilePasses() throws InterruptedException {
        Thread.sleep(2_500);
    }

    @Test
    void theReplacedSecretStillWorksOnTheOtherNodeDuringTheOverlapAndIsRenewedOnlyOnce() {
        String user = Logins.newUser(cluster.a, admin, "overlap", PASSWORD);
        String first = Logins.secretOf(cluster.a, user, PASSWORD);
        assertEquals(200, me(cluster.b, first).status());

        advance(PERIOD);
        Reply renewing = me(cluster.a, first);
        assertEquals(200, renewing.status());
        String second = renewed(renewing).orElseThrow(() -> new AssertionError("no new secret: " + renewing));
        SetCookie fresh = renewing.setCookie(Logins.COOKIE).orElseThrow();
        assertTrue(fresh.has("Secure") && fresh.has("HttpOnly"), fresh.raw());
        assertNotEquals(first, second);

        Reply inFlight = me(cluster.b, first);
        assertEquals(200, inFlight.status(), "within the overlap on the other node: a request in flight, another tab");
        assertEquals(Optional.empty(), renewed(inFlight), "renewed once, not by every node");
        assertEquals(200, me(cluster.b, second).status());
        assertEquals(200, me(cluster.a, second).status());
    }

    @Test
    void pastTheOverlapTheReplacedSecretIsDeadEvenOnANodeThatCachedItAndItsUseBesideItsSuccessorEndsTheSession()
            throws Exception {
        String user = Logins.newUser(cluster.a, admin, "rotated", PASSWORD);
        String first = Logins.secretOf(cluster.a, user, PASSWORD);
        assertEquals(200, me(cluster.b, first).status()); // node B holds the first secret as current in its cache

        advance(PERIOD);
        String second = renewed(me(cluster.a, first)).orElseThrow();
        assertEquals(200, me(cluster.a, second).status(), "the owner goes on with the new secret");

        reconcilePasses();
        advance(OVERLAP.plusSeconds(1));
        assertEquals(401, me(cluster.b, first).status(), "the copy, on the node whose cache believed it: stolen");
        assertEquals(401, me(cluster.a, second).status(), "so the session ended for both copies, on every node");
        assertEquals(401, me(cluster.b, second).status());
        List<JsonObject> events = cluster.a.get("api/admin/security-events?type=SESSION_SECRET_REUSE&user=" + user,
                cookie(admin)).jsonList();
        assertEquals(1, events.size(), events::toString);
    }

    @Test
    void aRenewalWhoseAnswerWasLostGivesTheOldSecretAnotherAndKillsTheUnusedOne() throws Exception {
        String user = Logins.newUser(cluster.a, admin, "lost", PASSWORD);
        String first = Logins.secretOf(cluster.a, user, PASSWORD);
        assertEquals(200, me(cluster.b, first).status());

        advance(PERIOD);
        String lost = renewed(me(cluster.a, first)).orElseThrow(); // the browser never got this answer
        reconcilePasses();
        advance(OVERLAP.plusSeconds(1));
        Reply again = me(cluster.b, first);
        assertEquals(200, again.status(), "the owner's old cookie, on the other node");
        String third = renewed(again).orElseThrow(() -> new AssertionError("no new secret: " + again));
        assertNotEquals(lost, third);
        assertEquals(401, me(cluster.a, lost).status(), "the secret nobody used is dead");
        assertEquals(200, me(cluster.a, third).status());
        assertEquals(0, cluster.a.get("api/admin/security-events?type=SESSION_SECRET_REUSE&user=" + user,
                cookie(admin)).jsonList().size());
    }

    @Test
    void aProxyCheckNeverRenewsTheSecretItsAnswerCannotDeliver() {
        String user = Logins.newUser(cluster.a, admin, "proxied", PASSWORD);
        String first = Logins.secretOf(cluster.a, user, PASSWORD);
        advance(PERIOD);
        Reply verify = cluster.a.get("auth/verify", cookie(first));
        assertEquals(200, verify.status(), verify::toString);
        assertEquals(Optional.empty(), renewed(verify));
        assertEquals(200, me(cluster.b, first).status(), "still the current secret");
    }
}
