package dev.hallpass.infrastructure.web;

import static dev.hallpass.testsupport.Logins.COOKIE;
import static dev.hallpass.testsupport.Logins.PASSWORD;
import static dev.hallpass.testsupport.Logins.cookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.session.control.SessionSecrets;
import dev.hallpass.testsupport.Deployments;
import dev.hallpass.testsupport.Http;
import dev.hallpass.testsupport.Logins;
import dev.hallpass.testsupport.Metrics;
import dev.hallpass.testsupport.Reply;
import dev.hallpass.testsupport.SecurityEventLog;
import dev.hallpass.testsupport.ServerClock;
import dev.hallpass.testsupport.server.RefreshTokenRows;
import dev.hallpass.token.control.KeyEncryption;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One regression test per finding of the December security review that this node can show over HTTP
 * (../shared/reviews/security-review-2026-12.md; M4, M5 and M6 are in SessionPoliciesIT, which has the
 * throttles and limits on, and the browser's side of M3 and the CSP in ConsoleIT and FirstStartIT).
 * Each one failed on the code the review read.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityReviewIT {

    static final String ISSUER = "https://login.example.test";

    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive war = Deployments.withMovableClock(Deployments.hallpass("security-review", Map.of(
                "hallpass.token.issuer", ISSUER,
                "hallpass.http.trusted-proxies", "127.0.0.1,::1",
                "hallpass.audit.retention", "PT10M",
                "hallpass.session.cleanup-interval", "PT1S")));
        return Deployments.withContainerSessionProbe(war).addClass(RefreshTokenRows.class);
    }

    @ArquillianResource
    URL base;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(base);
    }

    private String newUser(String prefix) {
        return Logins.newUser(http, Logins.adminSecret(http), prefix, PASSWORD);
    }

    private int me(String secret) {
        return http.get("api/auth/me", cookie(secret)).status();
    }

    private static String form(Map<String, String> fields) {
        StringBuilder query = new StringBuilder();
        fields.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    /** M3: a cross-site top-level GET carrying the stateless login view's state logged the victim in as the attacker. */
    @Test
    void m3AFacesPostbackByGetIsRefusedAndLogsNobodyInOrOut() {
        String mallory = newUser("mallory");
        String victim = Logins.secretOf(http, newUser("victim"), PASSWORD);
        String query = form(Map.of("login", "login", "jakarta.faces.ViewState", "stateless",
                "login:username", mallory, "login:password", PASSWORD, "login:submit", ""));

        Reply forged = http.get("login.xhtml?" + query, "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate",
                cookie(victim)[0], cookie(victim)[1]);

        assertEquals(405, forged.status(), forged::toString);
        assertTrue(forged.contentType().startsWith("application/problem+json"), forged::toString);
        assertTrue(forged.setCookie(COOKIE).isEmpty(), "no session for the attacker: " + forged);
        assertEquals(200, me(victim), "the victim is still logged in");
        assertEquals(200, http.get("login.xhtml").status(), "the login page itself still opens");
    }

    /** L1: any Authorization header switched the CSRF guard off, yet Basic still meant "use the cookie". */
    @Test
    void l1OnlyABearerTokenPassesTheCrossSiteGuard() {
        String secret = Logins.secretOf(http, newUser("basic"), PASSWORD);
        Reply forged = http.send("POST", "api/auth/logout-all", null, null, cookie(secret)[0], cookie(secret)[1],
                "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site", "Authorization", "Basic Zm9vOmJhcg==");
        assertEquals(403, forged.status(), forged::toString);
        assertEquals(200, me(secret));

        Reply plainHttpPage = http.send("POST", "api/auth/logout-all", null, null, cookie(secret)[0], cookie(secret)[1],
                "Origin", "http://" + base.getHost() + ":" + base.getPort(), "X-Forwarded-Proto", "https");
        assertEquals(403, plainHttpPage.status(), "over TLS, the plain-HTTP page of the same host is another origin");
        assertEquals(200, me(secret));
        assertEquals(204, http.send("POST", "api/auth/logout-all", null, null, cookie(secret)[0], cookie(secret)[1],
                "Origin", "http://" + base.getHost() + ":" + base.getPort()).status(), "our own page still may");
    }

    /** L2: the metadata named whatever host the request named, and was publicly cacheable. */
    @Test
    void l2TheMetadataNamesTheIssuerWhateverTheHostHeader() {
        JsonObject metadata = Json.createReader(new StringReader(rawGet(".well-known/openid-configuration", "evil.example")))
                .readObject();
        assertEquals(ISSUER + "/.well-known/jwks.json", metadata.getString("jwks_uri"), metadata::toString);
        assertEquals(ISSUER + "/api/auth/token", metadata.getString("token_endpoint"), metadata::toString);
    }

    /** A GET with any Host header (the JDK's HTTP client will not send a chosen one); returns the body. */
    private String rawGet(String path, String host) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + base.getPath() + path + " HTTP/1.0\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 200") || response.startsWith("HTTP/1.0 200"), response);
            return response.substring(response.indexOf("\r\n\r\n") + 4);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** L3: a sibling subdomain's planted refresh cookie, sent first, won. */
    @Test
    void l3TwoRefreshCookiesAreRefused() {
        String user = newUser("tossed");
        String attacker = tokens(newUser("tosser")).getString("refresh_token");
        String victim = tokens(user).getString("refresh_token");
        Reply refused = http.send("POST", "api/auth/refresh", null, null,
                "Cookie", "__Secure-hallpass-refresh=" + attacker + "; __Secure-hallpass-refresh=" + victim);
        assertEquals(400, refused.status(), refused::toString);
        assertEquals("invalid_grant", refused.json().getString("error"));
    }

    private JsonObject tokens(String user) {
        Reply login = http.postJson("api/auth/login", Json.createObjectBuilder().add("username", user)
                .add("password", PASSWORD).add("tokens", true).build().toString());
        assertEquals(200, login.status(), login::toString);
        return login.json().getJsonObject("tokens");
    }

    /** L5: flipping the user agent wrote a row, an update and a log line on every request. */
    @Test
    void l5AClientFlippingItsUserAgentIsRecordedOncePerMinute() {
        String user = newUser("flipper");
        String secret = Logins.secretOf(http, user, PASSWORD);
        for (int i = 0; i < 20; i++) {
            assertEquals(200, http.get("api/auth/me", cookie(secret)[0], cookie(secret)[1], "User-Agent", "agent-" + (i % 2)).status());
        }
        SecurityEventLog.assertRecordedOnce(http, Logins.adminSecret(http), "USER_AGENT_CHANGED", user);
    }

    /** L7: a made-up or dead cookie replayed went to the database every time. */
    @Test
    void l7AReplayedUnknownCookieAsksTheDatabaseOnce() {
        String madeUp = SessionSecrets.newSecret();
        double before = Metrics.of(http, "hallpass_session_cache_requests_total", "layer=\"database\"", "result=\"miss\"");
        for (int i = 0; i < 25; i++) {
            assertEquals(401, me(madeUp));
        }
        double after = Metrics.of(http, "hallpass_session_cache_requests_total", "layer=\"database\"", "result=\"miss\"");
        assertEquals(1.0, after - before, "database misses for 25 replays of one unknown cookie");
    }

    /** L9: a password equal to the user name was accepted. */
    @Test
    void l9APasswordBuiltOnTheUserNameIsRefused() {
        String body = Json.createObjectBuilder().add("username", "bob123456789").add("password", "bob123456789")
                .add("roles", Json.createArrayBuilder().add("user")).build().toString();
        Reply refused = http.postJson("api/admin/accounts", body, cookie(Logins.adminSecret(http)));
        assertEquals(400, refused.status(), refused::toString);
        assertTrue(refused.body().contains("user name"), refused::toString);
    }

    /**
     * M7: the database held every family's current refresh token, wrapped with the key-encryption key.
     * Now it is wrapped with a key only the spent token gives: a copy of the database plus the key yields
     * nothing, while the client that presents the spent token within the grace window still gets it.
     */
    @Test
    void m7ADatabaseCopyWithTheKeyEncryptionKeyYieldsNoLiveRefreshToken() {
        String spent = tokens(newUser("rotated")).getString("refresh_token");
        Reply rotated = http.postJson("api/auth/refresh", Json.createObjectBuilder().add("refresh_token", spent).build().toString());
        assertEquals(200, rotated.status(), rotated::toString);
        String successor = rotated.json().getString("refresh_token");

        Reply stored = http.get("api/test-support/refresh-successor?hash=" + SessionSecrets.hash(spent));
        assertEquals(200, stored.status(), stored::toString);
        KeyEncryption stolenKey = KeyEncryption.fromBase64(Deployments.KEY_ENCRYPTION_KEY);
        assertThrows(IllegalStateException.class, () -> stolenKey.decrypt(stored.body(), SessionSecrets.hash(spent)),
                "the successor must not open with the key-encryption key");

        Reply again = http.postJson("api/auth/refresh", Json.createObjectBuilder().add("refresh_token", spent).build().toString());
        assertEquals(200, again.status(), "the grace window still works for the holder: " + again);
        assertEquals(successor, again.json().getString("refresh_token"));

        ServerClock.advance(http, Duration.ofSeconds(11)); // past hallpass.token.refresh-grace
        int status = 200;
        for (int i = 0; i < 50 && status == 200; i++) {
            SecurityEventLog.sleep(Duration.ofMillis(200));
            status = http.get("api/test-support/refresh-successor?hash=" + SessionSecrets.hash(spent)).status();
        }
        assertEquals(404, status, "the cleanup wiped the successor once the grace window was over");
    }

    /** M5 (retention): security events were never deleted. */
    @Test
    void m5SecurityEventsOlderThanTheRetentionAreDeleted() {
        String user = newUser("forgotten");
        for (int i = 0; i < 3; i++) {
            assertEquals(401, Logins.login(http, user, "wrong password " + i).status());
        }
        assertEquals(3, SecurityEventLog.await(http, Logins.adminSecret(http), "LOGIN_FAILED", user, 3).size());

        ServerClock.advance(http, Duration.ofMinutes(11));
        List<JsonObject> left = List.of();
        for (int i = 0; i < 50; i++) {
            left = http.get("api/admin/security-events?user=" + user + "&type=login-failed", cookie(Logins.adminSecret(http))).jsonList();
            if (left.isEmpty()) {
                break;
            }
            SecurityEventLog.sleep(Duration.ofMillis(200));
        }
        assertTrue(left.isEmpty(), "events past hallpass.audit.retention are gone: " + left);
    }

    /** CSP per response: /admin/ (a welcome-file URL) got the strict default, without PrimeFaces' nonce. */
    @Test
    void theConsoleAtItsWelcomeUrlGetsOnePolicyWithANonce() {
        String admin = Logins.adminSecret(http);
        Reply console = http.get("admin/", cookie(admin)[0], cookie(admin)[1], "Accept", "text/html");
        assertEquals(200, console.status(), console::toString);
        List<String> policies = console.headers().allValues("Content-Security-Policy");
        assertEquals(1, policies.size(), policies::toString);
        assertTrue(policies.get(0).contains("'nonce-"), policies::toString);

        List<String> staticPage = http.get("demo.html;.xhtml").headers().allValues("Content-Security-Policy");
        assertEquals(1, staticPage.size(), staticPage::toString);
        assertFalse(staticPage.get(0).contains("'nonce-"), "a static page keeps the strict default: " + staticPage);
    }

    /** L10: HSTS was sent only on direct TLS, never behind a TLS-terminating proxy. */
    @Test
    void l10BehindATrustedTlsProxyHstsIsSent() {
        assertTrue(http.get("api/auth/status", "X-Forwarded-Proto", "https").header("Strict-Transport-Security").isPresent());
        assertTrue(http.get("api/auth/status").header("Strict-Transport-Security").isEmpty(), "plain HTTP: no HSTS");
    }

    /** L12: an API login or logout left the previous user's container session (Faces view state) in place. */
    @Test
    void l12AnApiLoginAndLogoutDropTheContainerSession() {
        String user = newUser("switcher");
        for (boolean logout : new boolean[] {false, true}) {
            String container = http.get("test-support/container-session").setCookie("JSESSIONID").orElseThrow().value();
            String[] withIt = {"Cookie", "JSESSIONID=" + container};
            assertTrue(http.get("test-support/container-session", withIt).setCookie("JSESSIONID").isEmpty(), "still the same");
            Reply switched = logout ? http.send("POST", "api/auth/logout", null, null, withIt) : Logins.login(http, user, PASSWORD, withIt);
            assertTrue(switched.status() == 200 || switched.status() == 204, switched::toString);
            assertTrue(http.get("test-support/container-session", withIt).setCookie("JSESSIONID").isPresent(),
                    (logout ? "logout" : "login") + " dropped the container session: a new one had to be made");
        }
    }
}
