package dev.hallpass.token.boundary;

import static dev.hallpass.testsupport.Logins.PASSWORD;
import static dev.hallpass.testsupport.Logins.cookie;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.testsupport.Deployments;
import dev.hallpass.testsupport.Http;
import dev.hallpass.testsupport.Logins;
import dev.hallpass.testsupport.Reply;
import dev.hallpass.testsupport.SecurityEventLog;
import dev.hallpass.testsupport.ServerClock;
import dev.hallpass.testsupport.SetCookie;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Rotating refresh tokens over HTTP: rotation, honest races, theft detection, cookies for browsers. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RefreshTokenIT {

    static final Duration GRACE = Duration.ofSeconds(10);
    static final Duration ABSOLUTE = Duration.ofHours(2);
    static final String CLIENT_SECRET = "orders-service-secret-for-tests";
    static final int STORM_MAX = 5;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withMovableClock(Deployments.hallpass("refresh-tokens", Map.of(
                "hallpass.token.refresh-grace", GRACE.toString(),
                "hallpass.session.absolute-timeout", ABSOLUTE.toString(),
                "hallpass.anomaly.refresh-storm.max", Integer.toString(STORM_MAX),
                "hallpass.token.clients", "orders:" + java.util.Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(dev.hallpass.token.control.ClientCredentials.sha256(CLIENT_SECRET)))));
    }

    @ArquillianResource
    URL base;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(base);
    }

    /** A user of its own per test, logged in as an API client: body with tokens, plus the session cookie. */
    private record Client(String username, String sessionSecret, String accessToken, String refreshToken) {
    }

    private Client apiClient() {
        String name = Logins.newUser(http, Logins.adminSecret(http), "rt", PASSWORD);
        String body = Json.createObjectBuilder().add("username", name).add("password", PASSWORD).add("tokens", true).build().toString();
        Reply login = http.postJson("api/auth/login", body);
        assertEquals(200, login.status(), login::toString);
        JsonObject tokens = login.json().getJsonObject("tokens");
        return new Client(name, login.setCookie(Logins.COOKIE).orElseThrow().value(), tokens.getString("access_token"),
                tokens.getString("refresh_token"));
    }

    private Reply refresh(String refreshToken) {
        return http.postJson("api/auth/refresh", Json.createObjectBuilder().add("refresh_token", refreshToken).build().toString());
    }

    private Reply bearerMe(String accessToken) {
        return http.get("api/auth/me", "Authorization", "Bearer " + accessToken);
    }

    private static void assertInvalidGrant(Reply reply) {
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("invalid_grant", reply.json().getString("error"));
        assertEquals("The refresh token is not valid", reply.json().getString("detail"));
    }

    @Test
    void anApiClientLogsInWithTokensAndRefreshingRotatesThem() {
        Client client = apiClient();
        assertTrue(client.refreshToken().matches("hpr_[A-Za-z0-9_-]{43}"), client.refreshToken());
        assertEquals(200, bearerMe(client.accessToken()).status());

        Reply rotated = refresh(client.refreshToken());

        assertEquals(200, rotated.status(), rotated::toString);
        assertEquals("no-store", rotated.header("Cache-Control").orElse(null));
        String next = rotated.json().getString("refresh_token");
        assertNotEquals(client.refreshToken(), next);
        assertEquals(200, bearerMe(rotated.json().getString("access_token")).status());
        assertEquals(200, refresh(next).status(), "the new token works once");
    }

    @Test
    void refreshingCountsAsActivitySoTheSessionDoesNotIdleOut() {
        Client client = apiClient();
        String token = client.refreshToken();

        for (int i = 0; i < 4; i++) {
            ServerClock.advance(http, Duration.ofMinutes(20));
            Reply refreshed = refresh(token);
            assertEquals(200, refreshed.status(), "refresh after " + (i + 1) * 20 + " min of refresh-only use: " + refreshed);
            token = refreshed.json().getString("refresh_token");
        }
        ServerClock.advance(http, Duration.ofMinutes(31));

        assertInvalidGrant(refresh(token));
    }

    @Test
    void tabsRefreshingWithOneTokenAtOnceAllGetTheSameNewToken() {
        Client client = apiClient();
        CountDownLatch start = new CountDownLatch(1);

        List<CompletableFuture<Reply>> racing = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return refresh(client.refreshToken());
        })).toList();
        start.countDown();
        List<Reply> replies = racing.stream().map(CompletableFuture::join).toList();

        replies.forEach(reply -> assertEquals(200, reply.status(), reply::toString));
        assertEquals(1, replies.stream().map(reply -> reply.json().getString("refresh_token")).distinct().count(),
                "one successor for all of them");
        assertEquals(200, http.get("api/auth/me", cookie(client.sessionSecret())).status(), "no theft was detected");
    }

    @Test
    void reusingASpentTokenAfterTheGraceWindowRevokesTheFamilyAndTheSession() {
        Client client = apiClient();
        Reply rotated = refresh(client.refreshToken());
        String next = rotated.json().getString("refresh_token");
        String access = rotated.json().getString("access_token");

        ServerClock.advance(http, GRACE.plusSeconds(1));
        Reply reuse = refresh(client.refreshToken());

        assertInvalidGrant(reuse);
        assertInvalidGrant(refresh(next));
        assertEquals(401, http.get("api/auth/me", cookie(client.sessionSecret())).status(), "the session is ended");
        assertEquals(401, bearerMe(access).status(), "and its access tokens refused");
        JsonObject theft = SecurityEventLog.assertRecordedOnce(http, Logins.adminSecret(http), "REFRESH_TOKEN_REUSE",
                client.username());
        assertFalse(theft.getString("sessionHandle").isEmpty());
    }

    @Test
    void moreRefreshesOfOneFamilyThanAClientNeedsAreReportedAsAStormOnce() {
        Client client = apiClient();
        String token = client.refreshToken();
        for (int i = 0; i < STORM_MAX + 3; i++) {
            Reply rotated = refresh(token);
            assertEquals(200, rotated.status(), "a storm is a signal, not a refusal: " + rotated);
            token = rotated.json().getString("refresh_token");
        }

        JsonObject storm = SecurityEventLog.assertRecordedOnce(http, Logins.adminSecret(http), "REFRESH_STORM",
                client.username());
        assertTrue(storm.getString("detail").contains("more than " + STORM_MAX), storm::toString);
    }

    @Test
    void everyRefreshFailureLooksTheSame() {
        Client client = apiClient();
        Map<String, Reply> failures = new LinkedHashMap<>();
        failures.put("an unknown token", refresh("hpr_" + "A".repeat(43)));
        failures.put("garbage", refresh("garbage"));
        failures.put("an access token", refresh(client.accessToken()));
        failures.put("a session secret", refresh(client.sessionSecret()));
        failures.put("nothing at all", http.send("POST", "api/auth/refresh", null, null));

        failures.forEach((what, reply) -> assertAll(what, () -> assertInvalidGrant(reply)));
    }

    @Test
    void aRefreshTokenIsNeverAnAccessToken() {
        Reply reply = bearerMe(apiClient().refreshToken());

        assertEquals(401, reply.status());
        assertEquals("Bearer error=\"invalid_token\"", reply.header("WWW-Authenticate").orElse(null));
    }

    @Test
    void loggingOutRevokesTheSessionsRefreshTokens() {
        Client client = apiClient();

        assertEquals(204, http.send("POST", "api/auth/logout", null, null, cookie(client.sessionSecret())).status());

        assertInvalidGrant(refresh(client.refreshToken()));
    }

    private Reply asResourceServer(String path, String token, String secret) {
        String basic = java.util.Base64.getEncoder().encodeToString(("orders:" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return http.send("POST", path, "application/x-www-form-urlencoded",
                "token=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8), "Authorization", "Basic " + basic);
    }

    @Test
    void introspectionNeedsAClientAndTellsActiveFromInactive() {
        Client client = apiClient();

        Reply noClient = http.send("POST", "api/auth/introspect", "application/x-www-form-urlencoded", "token=x");
        Reply wrongSecret = asResourceServer("api/auth/introspect", client.accessToken(), "wrong");
        JsonObject access = asResourceServer("api/auth/introspect", client.accessToken(), CLIENT_SECRET).json();
        JsonObject refreshToken = asResourceServer("api/auth/introspect", client.refreshToken(), CLIENT_SECRET).json();
        JsonObject garbage = asResourceServer("api/auth/introspect", "garbage", CLIENT_SECRET).json();
        http.send("POST", "api/auth/logout", null, null, cookie(client.sessionSecret()));
        JsonObject afterLogout = asResourceServer("api/auth/introspect", client.accessToken(), CLIENT_SECRET).json();
        JsonObject refreshAfterLogout = asResourceServer("api/auth/introspect", client.refreshToken(), CLIENT_SECRET).json();

        assertEquals(401, noClient.status());
        assertEquals(401, wrongSecret.status());
        assertEquals("Basic realm=\"hallpass\"", wrongSecret.header("WWW-Authenticate").orElse(null));
        assertAll(() -> assertTrue(access.getBoolean("active")),
                () -> assertEquals("access_token", access.getString("token_type")),
                () -> assertEquals(client.username(), access.getString("sub")),
                () -> assertTrue(access.containsKey("exp") && access.containsKey("sid")),
                () -> assertTrue(refreshToken.getBoolean("active")),
                () -> assertEquals("refresh_token", refreshToken.getString("token_type")),
                () -> assertEquals(Json.createObjectBuilder().add("active", false).build(), garbage),
                () -> assertFalse(afterLogout.getBoolean("active"), "a logged-out session's access token"),
                () -> assertFalse(refreshAfterLogout.getBoolean("active"), "and its refresh token"));
    }

    @Test
    void revokingARefreshTokenSpendsItsFamilyButLeavesTheSession() {
        Client client = apiClient();
        String next = refresh(client.refreshToken()).json().getString("refresh_token");

        Reply revoked = asResourceServer("api/auth/revoke", client.refreshToken(), CLIENT_SECRET);
        Reply unknown = asResourceServer("api/auth/revoke", "hpr_" + "B".repeat(43), CLIENT_SECRET);
        Reply accessToken = asResourceServer("api/auth/revoke", client.accessToken(), CLIENT_SECRET);

        assertEquals(200, revoked.status(), revoked::toString);
        assertEquals(200, unknown.status(), "RFC 7009: an invalid token is no error");
        assertEquals(400, accessToken.status());
        assertEquals("unsupported_token_type", accessToken.json().getString("error"));
        assertInvalidGrant(refresh(next));
        assertEquals(200, http.get("api/auth/me", cookie(client.sessionSecret())).status());
    }

    private void assertEverythingOfTheClientIsDead(Client client) {
        assertEquals(401, http.get("api/auth/me", cookie(client.sessionSecret())).status(), "the session");
        assertEquals(401, bearerMe(client.accessToken()).status(), "the access token");
        assertInvalidGrant(refresh(client.refreshToken()));
    }

    @Test
    void disablingAnAccountEndsItsSessionsAndTokensAndLoginUntilEnabled() {
        Client client = apiClient();
        String admin = Logins.adminSecret(http);

        assertEquals(200, http.send("POST", "api/admin/accounts/" + client.username() + "/disable", null, null, cookie(admin)).status());

        assertEverythingOfTheClientIsDead(client);
        assertEquals(401, Logins.login(http, client.username(), PASSWORD).status());
        assertEquals(200, http.send("POST", "api/admin/accounts/" + client.username() + "/enable", null, null, cookie(admin)).status());
        assertEquals(200, Logins.login(http, client.username(), PASSWORD).status());
    }

    @Test
    void aPasswordResetEndsEverythingTheOldPasswordStarted() {
        Client client = apiClient();
        String admin = Logins.adminSecret(http);

        Reply reset = http.send("PUT", "api/admin/accounts/" + client.username() + "/password", "application/json",
                "{\"password\":\"a brand new long password\"}", cookie(admin)[0], cookie(admin)[1]);

        assertEquals(204, reset.status(), reset::toString);
        assertEverythingOfTheClientIsDead(client);
        assertEquals(401, Logins.login(http, client.username(), PASSWORD).status());
        assertEquals(200, Logins.login(http, client.username(), "a brand new long password").status());
        assertEquals(400, http.send("PUT", "api/admin/accounts/" + client.username() + "/password", "application/json",
                "{\"password\":\"short\"}", cookie(admin)[0], cookie(admin)[1]).status(), "the policy still applies");
    }

    @Test
    void logoutAllEndsEverySessionAndEveryTokenOfTheUserButNoOneElses() {
        Client phone = apiClient();
        String laptop = Logins.secretOf(http, phone.username(), PASSWORD);
        Client someoneElse = apiClient();

        Reply reply = http.send("POST", "api/auth/logout-all", null, null, "Authorization", "Bearer " + phone.accessToken());

        assertEquals(204, reply.status(), reply::toString);
        assertEquals(401, http.get("api/auth/me", cookie(laptop)).status(), "the other device's session");
        assertEquals(401, http.get("api/auth/me", cookie(phone.sessionSecret())).status(), "this device's session");
        assertEquals(401, bearerMe(phone.accessToken()).status(), "the access token");
        assertInvalidGrant(refresh(phone.refreshToken()));
        assertEquals(200, bearerMe(someoneElse.accessToken()).status(), "another user is untouched");
    }

    @Test
    void browsersGetTheRefreshTokenOnlyInANarrowHttpOnlyCookieBoundedByTheSession() {
        String session = Logins.adminSecret(http);

        Reply issued = http.send("POST", "api/auth/token", null, null, cookie(session));

        assertEquals(200, issued.status(), issued::toString);
        assertFalse(issued.json().containsKey("refresh_token"), "no refresh token in a browser's body");
        SetCookie refreshCookie = issued.setCookie("__Secure-hallpass-refresh").orElseThrow();
        assertAll(() -> assertTrue(refreshCookie.attribute("Path").orElse("").endsWith("/api/auth/refresh")),
                () -> assertTrue(refreshCookie.has("HttpOnly") && refreshCookie.has("Secure")),
                () -> assertEquals("Strict", refreshCookie.attribute("SameSite").orElse(null)),
                () -> assertTrue(Long.parseLong(refreshCookie.attribute("Max-Age").orElseThrow()) <= ABSOLUTE.toSeconds(),
                        "never beyond the session's absolute expiry"));

        Reply refreshed = http.send("POST", "api/auth/refresh", null, null,
                "Cookie", "__Secure-hallpass-refresh=" + refreshCookie.value());

        assertEquals(200, refreshed.status(), refreshed::toString);
        assertFalse(refreshed.json().containsKey("refresh_token"));
        assertNotEquals(refreshCookie.value(), refreshed.setCookie("__Secure-hallpass-refresh").orElseThrow().value());
        String next = refreshed.setCookie("__Secure-hallpass-refresh").orElseThrow().value();
        Reply withEmptyObject = http.send("POST", "api/auth/refresh", "application/json", "{}",
                "Cookie", "__Secure-hallpass-refresh=" + next);
        assertEquals(200, withEmptyObject.status(), "a body without refresh_token (what many clients send) means: use the cookie; "
                + withEmptyObject);
        assertEquals(403, http.send("POST", "api/auth/refresh", null, null, "Origin", "https://evil.example",
                "Cookie", "__Secure-hallpass-refresh=" + refreshCookie.value()).status(), "CSRF-guarded like every cookie POST");
    }
}
