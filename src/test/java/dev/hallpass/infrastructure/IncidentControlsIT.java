package dev.hallpass.infrastructure;

import static dev.hallpass.testsupport.Logins.PASSWORD;
import static dev.hallpass.testsupport.Logins.cookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.testsupport.Http;
import dev.hallpass.testsupport.Logins;
import dev.hallpass.testsupport.Reply;
import dev.hallpass.testsupport.TwoNodeCluster;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The controls docs/runbook.md tells an operator to use, on a live two-node cluster (PostgreSQL, Redis): an
 * emergency signing-key rotation that withdraws the old keys (every access token refused on both nodes, a
 * refresh re-issues), ending the sessions a filter matches (started before a time, holding a role) in batches,
 * and ending every session.
 */
class IncidentControlsIT {

    static TwoNodeCluster cluster;
    String admin;

    @BeforeAll
    static void start() {
        cluster = TwoNodeCluster.start("incident-controls", Map.of());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** A fresh administrator session per test: one test ends every session. */
    @BeforeEach
    void administrator() {
        admin = Logins.adminSecret(cluster.a);
    }

    static void await(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " did not happen within " + limit);
            }
            Thread.sleep(100);
        }
    }

    static Reply loginWithTokens(Http node, String user) {
        Reply login = node.postJson("api/auth/login", Json.createObjectBuilder().add("username", user).add("password", PASSWORD)
                .add("tokens", true).build().toString());
        assertEquals(200, login.status(), login::toString);
        return login;
    }

    static int withBearer(Http node, String accessToken) {
        return node.get("api/auth/me", "Authorization", "Bearer " + accessToken).status();
    }

    static String kid(String jwt) {
        String header = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
        return Json.createReader(new java.io.StringReader(header)).readObject().getString("kid");
    }

    @Test
    void anEmergencyRotationRefusesEveryAccessTokenOfTheOldKeysOnEveryNodeAndARefreshReissues() throws Exception {
        String user = Logins.newUser(cluster.a, admin, "keyleak", PASSWORD);
        JsonObject tokens = loginWithTokens(cluster.a, user).json().getJsonObject("tokens");
        String oldToken = tokens.getString("access_token");
        assertEquals(200, withBearer(cluster.a, oldToken));
        assertEquals(200, withBearer(cluster.b, oldToken)); // both nodes have verified (and cached) it

        Reply rotated = cluster.a.send("POST", "api/admin/signing-keys/rotate?withdrawOld=true", null, null, cookie(admin));
        assertEquals(200, rotated.status(), rotated::toString);
        String newKid = rotated.json().getString("kid");
        assertNotEquals(kid(oldToken), newKid);
        assertTrue(rotated.json().getInt("retired") >= 1);

        assertEquals(401, withBearer(cluster.a, oldToken), "refused at once on the node that rotated");
        await(() -> withBearer(cluster.b, oldToken) == 401, Duration.ofSeconds(5), "the other node refusing the old key's token");
        for (Http node : List.of(cluster.a, cluster.b)) {
            String jwks = node.get(".well-known/jwks.json").body();
            assertFalse(jwks.contains(kid(oldToken)), "the withdrawn key is gone from the JWKS");
        }
        await(() -> cluster.b.get(".well-known/jwks.json").body().contains(newKid), Duration.ofSeconds(5), "node B publishing the new key");

        Reply refreshed = cluster.b.postJson("api/auth/refresh",
                Json.createObjectBuilder().add("refresh_token", tokens.getString("refresh_token")).build().toString());
        assertEquals(200, refreshed.status(), refreshed::toString);
        String newToken = refreshed.json().getString("access_token");
        assertEquals(newKid, kid(newToken), "signed with the new key, also by the other node");
        assertEquals(200, withBearer(cluster.a, newToken));
        assertEquals(200, withBearer(cluster.b, newToken));
        assertEquals(400, cluster.a.send("POST", "api/admin/signing-keys/rotate?withdrawOld=maybe", null, null, cookie(admin)).status());
        assertEquals(403, cluster.a.send("POST", "api/admin/signing-keys/rotate", null, null,
                cookie(Logins.secretOf(cluster.a, user, PASSWORD))).status(), "admins only");
    }

    @Test
    void sessionsStartedBeforeATimeAndHoldingARoleEndOnEveryNodeTheOthersStay() throws Exception {
        String role = "incident" + Long.toString(System.nanoTime(), 36);
        String early1 = Logins.secretOf(cluster.a, Logins.newUser(cluster.a, admin, "early", PASSWORD, "user", role), PASSWORD);
        String early2 = Logins.secretOf(cluster.b, Logins.newUser(cluster.a, admin, "early", PASSWORD, "user", role), PASSWORD);
        String bystander = Logins.newUser(cluster.a, admin, "bystander", PASSWORD);
        String otherRole = Logins.secretOf(cluster.a, bystander, PASSWORD);
        Thread.sleep(20);
        Instant cut = Instant.now();
        Thread.sleep(20);
        String late = Logins.secretOf(cluster.b, Logins.newUser(cluster.a, admin, "late", PASSWORD, "user", role), PASSWORD);
        for (String secret : List.of(early1, early2, late, otherRole)) {
            assertEquals(200, cluster.b.get("api/auth/me", cookie(secret)).status());
        }

        Reply ended = cluster.a.send("DELETE", "api/admin/sessions?role=" + role + "&createdBefore=" + cut + "&reason=incident",
                null, null, cookie(admin));
        assertEquals(200, ended.status(), ended::toString);
        assertEquals(2, ended.json().getInt("ended"));
        for (Http node : List.of(cluster.a, cluster.b)) {
            assertEquals(401, node.get("api/auth/me", cookie(early1)).status());
            assertEquals(401, node.get("api/auth/me", cookie(early2)).status());
            assertEquals(200, node.get("api/auth/me", cookie(late)).status(), "started after the cut");
            assertEquals(200, node.get("api/auth/me", cookie(otherRole)).status(), "without the role");
        }

        assertEquals(0, cluster.b.send("DELETE", "api/admin/sessions?role=" + role + "&ip=10.", null, null, cookie(admin))
                .json().getInt("ended"), "no session of the role from that address range");
        // force every holder of the role to log in again
        assertEquals(1, cluster.b.send("DELETE", "api/admin/sessions?role=" + role + "&ip=127.0.0.", null, null, cookie(admin))
                .json().getInt("ended"));
        assertEquals(401, cluster.a.get("api/auth/me", cookie(late)).status());
        assertEquals(400, cluster.a.send("DELETE", "api/admin/sessions", null, null, cookie(admin)).status(),
                "no filter and no all=true: refused, nothing ended");
        assertEquals(200, cluster.a.get("api/auth/me", cookie(otherRole)).status());
        assertEquals(400, cluster.a.send("DELETE", "api/admin/sessions?role=Not%20A%20Role", null, null, cookie(admin)).status());
        Reply oneUser = cluster.a.send("DELETE", "api/admin/accounts/" + bystander + "/sessions?reason=incident", null, null,
                cookie(admin));
        assertEquals(200, oneUser.status(), oneUser::toString);
        assertEquals(1, oneUser.json().getInt("ended"), "one user's sessions");
        assertEquals(401, cluster.b.get("api/auth/me", cookie(otherRole)).status());
    }

    @Test
    void allTrueEndsEverySessionOnEveryNode() {
        String one = Logins.secretOf(cluster.a, Logins.newUser(cluster.a, admin, "everyone", PASSWORD), PASSWORD);
        String two = Logins.secretOf(cluster.b, Logins.newUser(cluster.a, admin, "everyone", PASSWORD), PASSWORD);
        Reply ended = cluster.b.send("DELETE", "api/admin/sessions?all=true&reason=database%20dump%20leaked", null, null, cookie(admin));
        assertEquals(200, ended.status(), ended::toString);
        assertTrue(ended.json().getInt("ended") >= 3, ended::toString);
        for (Http node : List.of(cluster.a, cluster.b)) {
            for (String secret : List.of(one, two, admin)) {
                assertEquals(401, node.get("api/auth/me", cookie(secret)).status());
            }
        }
    }
}
