package dev.hallpass.session.boundary;

import static dev.hallpass.testsupport.Logins.PASSWORD;
import static dev.hallpass.testsupport.Logins.cookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.testsupport.Browser;
import dev.hallpass.testsupport.Deployments;
import dev.hallpass.testsupport.Http;
import dev.hallpass.testsupport.Logins;
import dev.hallpass.testsupport.Metrics;
import dev.hallpass.testsupport.SecurityEventLog;
import dev.hallpass.testsupport.ServerClock;
import java.net.URL;
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
 * hallpass.js and the event stream in real headless Chromium, on the demo page: a session ended from
 * elsewhere brings the login back with the reason within a second; concurrent calls and two windows
 * with an expired access token cost exactly one refresh request (counted by the server's metric).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PushIT {

    static final Duration PAST_ACCESS_TOKEN_EXPIRY = Duration.ofMinutes(16);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withMovableClock(Deployments.hallpass("push", Map.of("hallpass.push.check-interval", "PT0.5S",
                "hallpass.session.expiry-sweep-interval", "PT0.5S")));
    }

    @ArquillianResource
    URL base;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(base);
    }

    private String newUser() {
        return Logins.newUser(http, Logins.adminSecret(http), "push", PASSWORD);
    }

    private static Browser loggedIn(URL base, String user) {
        return Browser.open(base).demoLogIn(user, PASSWORD);
    }

    /** The server's count of refresh requests (MicroProfile Metrics, at the server's root). */
    private long refreshRequests() {
        return (long) Metrics.of(http, "hallpass_token_refresh_requests_total");
    }

    @Test
    void loggingOutEverywhereInOneBrowserSendsTheOtherToItsLoginWithTheReason() {
        String user = newUser();
        try (Browser first = loggedIn(base, user); Browser second = loggedIn(base, user)) {
            long start = System.nanoTime();
            first.click("#logout-all");
            second.waitForText("#reason", "logged out on all your devices");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals("logout-all", second.find("#reason").getAttribute("data-reason"));
            assertTrue(millis < 1000, () -> "the other browser learned it after " + millis + " ms");
            assertTrue(second.find("#login-section").isDisplayed());
        }
    }

    @Test
    void anAdministratorsKillSendsTheBrowserToItsLoginWithTheReason() {
        String user = newUser();
        try (Browser browser = loggedIn(base, user)) {
            String handle = http.get("api/sessions", cookie(Logins.secretOf(http, user, PASSWORD))).jsonList().stream()
                    .filter(s -> !s.getBoolean("current")).findFirst().orElseThrow().getString("handle");
            long start = System.nanoTime();
            assertEquals(204, http.send("DELETE", "api/admin/sessions/" + handle + "?reason=test", null, null,
                    cookie(Logins.adminSecret(http))).status());
            browser.waitForText("#reason", "ended");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals("killed", browser.find("#reason").getAttribute("data-reason"));
            assertTrue(millis < 1000, () -> "the browser learned it after " + millis + " ms");
        }
    }

    /** Issue 18: the demo's cart is a user document; what one browser adds, the other shows without reloading. */
    @Test
    void anItemAddedToTheCartInOneBrowserShowsInTheOtherAtOnce() {
        String user = newUser();
        try (Browser phone = loggedIn(base, user); Browser laptop = loggedIn(base, user)) {
            phone.type("#cart-item", "apple").click("#cart-add").waitForText("#cart", "apple × 1");
            long start = System.nanoTime();
            laptop.waitForText("#cart", "apple × 1");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 2000, () -> "the other browser showed it after " + millis + " ms");
            laptop.type("#cart-item", "apple").click("#cart-add");
            phone.waitForText("#cart", "apple × 2");
            List<String> errors = phone.consoleErrors();
            assertTrue(errors.isEmpty(), () -> "browser errors: " + errors);
        }
    }

    @Test
    void tenConcurrentCallsWithAnExpiredTokenShareOneRefresh() {
        String user = newUser();
        try (Browser browser = loggedIn(base, user)) {
            ServerClock.advance(http, PAST_ACCESS_TOKEN_EXPIRY);
            long before = refreshRequests();
            Object statuses = browser.script("""
                    const done = arguments[arguments.length - 1];
                    Promise.all(Array.from({length: 10}, () => demo.client.fetch('api/auth/me').then(r => r.status)))
                      .then(done, e => done(String(e)));""");
            assertEquals(List.of(200L, 200L, 200L, 200L, 200L, 200L, 200L, 200L, 200L, 200L), statuses);
            assertEquals(1, refreshRequests() - before, "one refresh for ten calls");
        }
    }

    /**
     * Review L4: hallpass.js sent the bearer token to any URL (another origin's server saw a preflight
     * asking to send Authorization), and a forged BroadcastChannel message pinned its token (the next call
     * went out with it, failed and needed a refresh).
     */
    @Test
    void theTokenGoesOnlyToItsOwnOriginAndAForgedBroadcastIsIgnored() {
        String user = newUser();
        try (Browser browser = loggedIn(base, user)) {
            long before = refreshRequests();
            Object status = browser.script("""
                    const done = arguments[arguments.length - 1];
                    new BroadcastChannel('hallpass-tokens').postMessage({type: 'token',
                      token: {value: 'x.y.z', expiresAt: Date.now() + 3600000, receivedAt: Date.now() + 1e12}});
                    setTimeout(() => demo.client.fetch('api/auth/me').then(r => done(r.status), e => done(String(e))), 500);""");
            assertEquals(200L, status);
            assertEquals(0, refreshRequests() - before, "the call went out with the real token, not the forged one");

            // What hallpass.js hands to the browser's fetch (the page's CSP would stop a cross-origin request
            // before it left, so it is observed here, where the token would be attached).
            Object sent = browser.script("""
                    const done = arguments[arguments.length - 1];
                    const seen = [];
                    const real = window.fetch;
                    window.fetch = (resource, init) => {
                      seen.push((resource.url || String(resource)) + ' ' + new Headers((init || {}).headers).get('Authorization'));
                      return real(resource, init);
                    };
                    const settle = (p) => p.then(() => null, () => null);
                    settle(demo.client.fetch(arguments[0])).then(() => settle(demo.client.fetch('api/auth/me')))
                      .then(() => { window.fetch = real; done(seen); });""", "http://127.0.0.1:9/collect");
            List<?> calls = (List<?>) sent;
            assertEquals(2, calls.size(), calls::toString);
            assertTrue(calls.get(0).toString().endsWith("/collect null"), "no token for another origin: " + calls);
            assertTrue(calls.get(1).toString().contains("/api/auth/me Bearer "), "the token for its own: " + calls);
        }
    }

    @Test
    void twoWindowsNeedingARefreshAtOnceShareOne() {
        String user = newUser();
        try (Browser browser = loggedIn(base, user)) {
            String first = browser.newWindow();
            browser.open("demo.html").find("body[data-ready=true]");
            String second = browser.window();
            long before = refreshRequests();
            long at = System.currentTimeMillis() + 1500;
            String schedule = """
                    const done = arguments[arguments.length - 1];
                    setTimeout(() => demo.client.refresh().then(t => done(t.receivedAt), e => done(String(e))),
                               arguments[0] - Date.now());""";
            browser.switchTo(first);
            browser.script("const done = arguments[arguments.length - 1]; window.pending = new Promise(r => setTimeout(() =>"
                    + " demo.client.refresh().then(t => r(t.receivedAt), e => r(String(e))), arguments[0] - Date.now())); done(1);", at);
            browser.switchTo(second);
            Object secondResult = browser.script(schedule, at);
            browser.switchTo(first);
            Object firstResult = browser.script("const done = arguments[arguments.length - 1]; window.pending.then(done);");
            assertTrue(firstResult instanceof Number && secondResult instanceof Number, firstResult + " / " + secondResult);
            assertEquals(1, refreshRequests() - before, "one refresh between the two windows");
            assertEquals(firstResult, secondResult, "both windows hold the same new token");
        }
    }

    @Test
    void aSessionAboutToRunOutIsWarnedAndThenEndedAsExpired() {
        String user = newUser();
        try (Browser browser = loggedIn(base, user)) {
            ServerClock.advance(http, Duration.ofMinutes(29)); // idle timeout 30 min, warning 2 min before
            browser.waitForText("#warning", "logged out in");
            ServerClock.advance(http, Duration.ofMinutes(2));
            browser.waitForText("#reason", "expired");
            assertEquals("expired", browser.find("#reason").getAttribute("data-reason"));
        }
        SecurityEventLog.assertRecordedOnce(http, Logins.adminSecret(http), "IDLE_TIMEOUT", user);
    }

    @Test
    void aSessionNobodyUsesAnyMoreIsEndedByTheSweepCountedAndRecorded() {
        String user = newUser();
        Logins.secretOf(http, user, PASSWORD);
        double idleEndsBefore = Metrics.of(http, "hallpass_sessions_ended_total", "reason=\"idle\"");
        double durationsBefore = Metrics.of(http, "hallpass_session_duration_seconds_count");

        ServerClock.advance(http, Duration.ofMinutes(31)); // idle timeout 30 min; no request, no stream uses it

        SecurityEventLog.await(http, Logins.adminSecret(http), "IDLE_TIMEOUT", user, 1);
        assertTrue(Metrics.of(http, "hallpass_sessions_ended_total", "reason=\"idle\"") >= idleEndsBefore + 1);
        assertTrue(Metrics.of(http, "hallpass_session_duration_seconds_count") >= durationsBefore + 1);
    }
}
