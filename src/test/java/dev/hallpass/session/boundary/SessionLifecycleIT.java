package dev.hallpass.session.boundary;

import static dev.hallpass.testsupport.Logins.COOKIE;
import static dev.hallpass.testsupport.Logins.cookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.testsupport.Deployments;
import dev.hallpass.testsupport.Http;
import dev.hallpass.testsupport.Logins;
import dev.hallpass.testsupport.Reply;
import dev.hallpass.testsupport.ServerClock;
import dev.hallpass.testsupport.SetCookie;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The life of a cookie session over HTTP: login, use, fixation defence, logout, idle and absolute expiry. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionLifecycleIT {

    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration ABSOLUTE = Duration.ofHours(2);
    static final Duration TOUCH = Duration.ofMinutes(1);
    static final Duration REMEMBER_ABSOLUTE = Duration.ofDays(90);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withContainerSessionProbe(Deployments.withMovableClock(Deployments.hallpass("session-lifecycle",
                Map.of("hallpass.session.idle-timeout", IDLE.toString(),
                        "hallpass.session.absolute-timeout", ABSOLUTE.toString(),
                        "hallpass.session.touch-interval", TOUCH.toString(),
                        "hallpass.session.remember-me.absolute-timeout", REMEMBER_ABSOLUTE.toString(),
                        // these tests log in as the bootstrap admin; the admin's shorter idle timeout
                        // is SessionPoliciesIT's subject, here it must not undercut the ordinary one
                        "hallpass.session.admin.idle-timeout", IDLE.toString()))));
    }

    @ArquillianResource
    URL base;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(base);
    }

    private void advanceClock(Duration by) {
        ServerClock.advance(http, by);
    }

    private Reply me(String secret) {
        return http.get("api/auth/me", cookie(secret));
    }

    @Test
    void loginSetsAHostPrefixedSecureHttpOnlySameSiteSessionCookie() {
        Reply login = Logins.login(http, "admin", Deployments.ADMIN_PASSWORD);

        assertEquals(200, login.status(), login::toString);
        SetCookie cookie = login.setCookie(COOKIE).orElseThrow();
        assertTrue(cookie.value().matches("[A-Za-z0-9_-]{43}"), "256-bit base64url secret: " + cookie.value());
        assertEquals("/", cookie.attribute("Path").orElseThrow());
        assertTrue(cookie.has("Secure") && cookie.has("HttpOnly"), cookie.raw());
        assertEquals("Lax", cookie.attribute("SameSite").orElseThrow());
        assertFalse(cookie.has("Domain"), "__Host- cookies must not name a domain");
        assertFalse(cookie.has("Max-Age"), "an ordinary session cookie ends with the browser");
        assertEquals("no-store", login.header("Cache-Control").orElseThrow());
    }

    @Test
    void loginAndMeDescribeTheSameSessionWithoutRevealingTheSecret() {
        Reply login = Logins.login(http, "ADMIN", Deployments.ADMIN_PASSWORD);
        String secret = login.setCookie(COOKIE).orElseThrow().value();

        Reply me = me(secret);

        assertEquals(200, me.status(), me::toString);
        assertEquals(login.json(), me.json());
        JsonObject body = me.json();
        assertEquals("admin", body.getString("username"), "usernames are case-insensitive");
        assertEquals("[\"admin\",\"user\"]", body.getJsonArray("roles").toString());
        JsonObject session = body.getJsonObject("session");
        Instant created = Instant.parse(session.getString("createdAt"));
        assertEquals(created.plus(IDLE), Instant.parse(session.getString("idleExpiresAt")));
        assertEquals(created.plus(ABSOLUTE), Instant.parse(session.getString("absoluteExpiresAt")));
        assertTrue(session.getString("handle").matches("[A-Za-z0-9_-]{22}"));
        assertFalse(me.body().contains(secret), "the secret never appears in a body");
    }

    @Test
    void aCookiePresentedAtLoginIsNeverAdopted() {
        String planted = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        assertEquals(401, me(planted).status(), "a value for no session is ignored, never turned into one");

        Reply login = Logins.login(http, "admin", Deployments.ADMIN_PASSWORD, cookie(planted));

        assertEquals(200, login.status(), login::toString);
        String issued = login.setCookie(COOKIE).orElseThrow().value();
        assertNotEquals(planted, issued);
        assertEquals(401, me(planted).status(), "the planted value stays dead after login");
        assertEquals(200, me(issued).status());
    }

    @Test
    void loggingInAgainKillsThePreviousSecret() {
        String before = Logins.adminSecret(http);

        Reply again = Logins.login(http, "admin", Deployments.ADMIN_PASSWORD, cookie(before));
        String after = again.setCookie(COOKIE).orElseThrow().value();

        assertNotEquals(before, after);
        assertEquals(401, me(before).status(), "the pre-login value is dead once the new login succeeded");
        assertEquals(200, me(after).status());
    }

    @Test
    void aFailedLoginLeavesTheCurrentSessionAlone() {
        String secret = Logins.adminSecret(http);

        Reply failed = Logins.login(http, "admin", "wrong password!", cookie(secret));

        assertEquals(401, failed.status());
        assertTrue(failed.setCookie(COOKIE).isEmpty());
        assertEquals(200, me(secret).status());
    }

    @Test
    void logoutEndsTheSessionAndClearsTheCookieWithTheSameAttributes() {
        String secret = Logins.adminSecret(http);

        Reply logout = http.send("POST", "api/auth/logout", null, null, cookie(secret));

        assertEquals(204, logout.status(), logout::toString);
        SetCookie cleared = logout.setCookie(COOKIE).orElseThrow();
        assertEquals("", cleared.value());
        assertEquals("0", cleared.attribute("Max-Age").orElseThrow());
        assertEquals("/", cleared.attribute("Path").orElseThrow());
        assertTrue(cleared.has("Secure") && cleared.has("HttpOnly") && cleared.has("SameSite"), cleared.raw());
        assertEquals(401, me(secret).status(), "the old cookie value never works again");
        assertEquals(204, http.send("POST", "api/auth/logout", null, null, cookie(secret)).status(),
                "logging out twice is harmless");
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        Reply unknownUser = Logins.login(http, "nobody-" + System.nanoTime(), "some password");
        Reply wrongPassword = Logins.login(http, "admin", "some password");

        assertEquals(401, unknownUser.status());
        assertEquals(401, wrongPassword.status());
        assertEquals(unknownUser.body(), wrongPassword.body());
        assertTrue(unknownUser.contentType().startsWith("application/problem+json"));
    }

    @Test
    void anUnusedSessionEndsAfterTheIdleTimeout() {
        String secret = Logins.adminSecret(http);

        advanceClock(IDLE.minusSeconds(5));
        Reply stillAlive = me(secret);
        advanceClock(IDLE);

        assertEquals(200, stillAlive.status(), "alive just before the idle timeout");
        assertEquals(401, me(secret).status(), "over the idle timeout since its last activity");
    }

    @Test
    void activityKeepsTheSessionAliveButNeverPastTheAbsoluteLimit() {
        String secret = Logins.adminSecret(http);
        Duration step = IDLE.minus(TOUCH).minusMinutes(1);
        Duration elapsed = Duration.ZERO;

        while (elapsed.plus(step).compareTo(ABSOLUTE) < 0) {
            advanceClock(step);
            elapsed = elapsed.plus(step);
            assertEquals(200, me(secret).status(), "active user refused after " + elapsed);
        }
        advanceClock(ABSOLUTE.minus(elapsed));

        assertEquals(401, me(secret).status(), "the absolute limit ends even an active session");
    }

    @Test
    void lastSeenIsWrittenAtMostOncePerTouchInterval() {
        String secret = Logins.adminSecret(http);
        Instant initialIdleExpiry = idleExpiry(me(secret));

        advanceClock(TOUCH.dividedBy(2));
        Instant withinInterval = idleExpiry(me(secret));
        advanceClock(TOUCH);
        Instant afterInterval = idleExpiry(me(secret));

        assertEquals(initialIdleExpiry, withinInterval, "no write within the touch interval");
        assertTrue(afterInterval.isAfter(initialIdleExpiry.plus(TOUCH)), "slid forward after it: " + afterInterval);
    }

    private static Instant idleExpiry(Reply me) {
        assertEquals(200, me.status(), me::toString);
        return Instant.parse(me.json().getJsonObject("session").getString("idleExpiresAt"));
    }

    @Test
    void rememberMeGivesAPersistentCookieBoundedByTheAbsoluteLimit() {
        Reply login = http.postJson("api/auth/login", Logins.loginBody("admin", Deployments.ADMIN_PASSWORD, true));

        assertEquals(200, login.status(), login::toString);
        long maxAge = Long.parseLong(login.setCookie(COOKIE).orElseThrow().attribute("Max-Age").orElseThrow());
        assertTrue(Math.abs(maxAge - REMEMBER_ABSOLUTE.toSeconds()) <= 5, "Max-Age " + maxAge);
        assertTrue(login.json().getJsonObject("session").getBoolean("rememberMe"));
    }

    @Test
    void theContainersOwnSessionCookieIsSecureHttpOnlyAndSameSite() {
        Reply reply = http.get("test-support/container-session");

        assertEquals(200, reply.status(), reply::toString);
        SetCookie jsessionid = reply.setCookie("JSESSIONID").orElseThrow(() -> new AssertionError(reply.headers()));
        assertTrue(jsessionid.has("Secure") && jsessionid.has("HttpOnly"), jsessionid.raw());
        assertTrue("lax".equalsIgnoreCase(jsessionid.attribute("SameSite").orElseThrow()), jsessionid.raw());
    }

    @Test
    void readinessReportsTheDatabase() {
        Reply ready = new Http(http.resolve("/")).get("health/ready");

        assertEquals(200, ready.status(), ready::toString);
        assertTrue(ready.body().contains("\"database\""), ready.body());
        assertEquals("UP", ready.json().getString("status"));
    }
}
