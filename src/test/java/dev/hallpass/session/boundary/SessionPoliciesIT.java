package dev.hallpass.session.boundary;

import static dev.hallpass.testsupport.Logins.COOKIE;
import static dev.hallpass.testsupport.Logins.PASSWORD;
import static dev.hallpass.testsupport.SecurityEventLog.assertRecordedOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.audit.entity.SecurityEvent;
import dev.hallpass.testsupport.Deployments;
import dev.hallpass.testsupport.Http;
import dev.hallpass.testsupport.Logins;
import dev.hallpass.testsupport.Reply;
import dev.hallpass.testsupport.SecurityEventLog;
import dev.hallpass.testsupport.ServerClock;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The session policies over HTTP on one node without Redis (throttling then counts in the node):
 * limits with evict-oldest, strict IP binding behind a trusted proxy, logged user-agent changes,
 * login throttling, timeouts by role, privilege changes, fixation, and the security event of each.
 * Every user gets addresses of their own through {@code X-Forwarded-For} from the trusted 127.0.0.1.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionPoliciesIT {

    static final int MAX_PER_USER = 3;
    static final int MAX_PER_IP = 4;
    static final int ACCOUNT_ATTEMPTS = 3;
    static final Duration ACCOUNT_PERIOD = Duration.ofMinutes(3);
    static final int IP_ATTEMPTS = 6;
    static final AtomicInteger NETWORKS = new AtomicInteger();
    /** Event types the tests of this class saw recorded once; the last check wants them all. */
    static final Set<SecurityEvent.Type> SEEN = EnumSet.noneOf(SecurityEvent.Type.class);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withMovableClock(Deployments.hallpass("session-policies", Map.ofEntries(
                Map.entry("hallpass.session.max-per-user", Integer.toString(MAX_PER_USER)),
                Map.entry("hallpass.session.max-per-ip", Integer.toString(MAX_PER_IP)),
                Map.entry("hallpass.session.limit-policy", "evict-oldest"),
                Map.entry("hallpass.session.ip-binding", "strict"),
                Map.entry("hallpass.session.user-agent-binding", "log"),
                Map.entry("hallpass.http.trusted-proxies", "127.0.0.1,::1"),
                Map.entry("hallpass.login.throttle.account.attempts", Integer.toString(ACCOUNT_ATTEMPTS)),
                Map.entry("hallpass.login.throttle.account.period", ACCOUNT_PERIOD.toString()),
                Map.entry("hallpass.login.throttle.ip.attempts", Integer.toString(IP_ATTEMPTS)),
                Map.entry("hallpass.login.throttle.ip.period", "PT6M"))));
    }

    @ArquillianResource
    URL base;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(base);
    }

    /** A fresh admin session (the admin's 15-minute idle timeout and the moving clock make old ones die). */
    private String admin() {
        return Logins.adminSecret(http);
    }

    private String newUser(String prefix) {
        return Logins.newUser(http, admin(), prefix, PASSWORD);
    }

    /** An address in a /24 of its own, so no two tests share a per-IP count or a network. */
    private static String newAddress() {
        int n = NETWORKS.incrementAndGet();
        return "10." + (n / 256) + "." + (n % 256) + ".1";
    }

    private Reply login(String user, String password, String ip, String... more) {
        List<String> headers = new ArrayList<>(List.of("X-Forwarded-For", ip));
        headers.addAll(Arrays.asList(more));
        return Logins.login(http, user, password, headers.toArray(String[]::new));
    }

    private String secret(String user, String ip) {
        Reply reply = login(user, PASSWORD, ip);
        assertEquals(200, reply.status(), reply::toString);
        return reply.setCookie(COOKIE).orElseThrow().value();
    }

    /** Headers of a request with the session cookie from {@code ip} (behind the trusted proxy), plus {@code more}. */
    private static String[] from(String ip, String secret, String... more) {
        List<String> headers = new ArrayList<>(List.of("X-Forwarded-For", ip, "Cookie", COOKIE + "=" + secret));
        headers.addAll(Arrays.asList(more));
        return headers.toArray(String[]::new);
    }

    private int me(String secret, String ip, String... more) {
        return http.get("api/auth/me", from(ip, secret, more)).status();
    }

    private JsonObject once(SecurityEvent.Type type, String user) {
        JsonObject event = assertRecordedOnce(http, admin(), type.name(), user);
        seen(type);
        return event;
    }

    private static void seen(SecurityEvent.Type type) {
        synchronized (SEEN) {
            SEEN.add(type);
        }
    }

    @Test
    void beyondTheUserLimitTheOldestSessionEnds() {
        String user = newUser("limit");
        List<String> secrets = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i <= MAX_PER_USER; i++) {
            addresses.add(newAddress());
            secrets.add(secret(user, addresses.get(i)));
        }

        assertEquals(401, me(secrets.get(0), addresses.get(0)), "the oldest was evicted");
        for (int i = 1; i <= MAX_PER_USER; i++) {
            assertEquals(200, me(secrets.get(i), addresses.get(i)), "session " + i + " lives");
        }
        Reply devices = http.get("api/sessions", from(addresses.get(1), secrets.get(1)));
        assertEquals(MAX_PER_USER, Json.createReader(new StringReader(devices.body())).readArray().size(), devices::toString);
        JsonObject evicted = once(SecurityEvent.Type.SESSION_EVICTED, user);
        assertTrue(evicted.getString("detail").contains("make room"), evicted::toString);
        assertEquals(addresses.get(0), evicted.getString("ipAddress"));
    }

    /** Review M6: behind one NAT or proxy, the per-address limit must never end another user's session. */
    @Test
    void theAddressLimitNeverEndsAnotherUsersSession() {
        String address = newAddress();
        List<String> users = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < MAX_PER_IP; i++) {
            users.add(newUser("ip"));
            secrets.add(secret(users.get(i), address));
        }

        Reply crowded = login(newUser("ip"), PASSWORD, address);
        assertEquals(409, crowded.status(), "another user's login is refused, nobody is evicted: " + crowded);
        for (int i = 0; i < MAX_PER_IP; i++) {
            assertEquals(200, me(secrets.get(i), address), "session " + i + " lives on");
        }

        String again = secret(users.get(0), address);
        assertEquals(401, me(secrets.get(0), address), "a user past the limit makes room with their own oldest session");
        assertEquals(200, me(again, address));
        for (int i = 1; i < MAX_PER_IP; i++) {
            assertEquals(200, me(secrets.get(i), address), "session " + i + " lives on");
        }
        once(SecurityEvent.Type.SESSION_EVICTED, users.get(0));
    }

    @Test
    void strictIpBindingEndsTheSessionWhenTheClientAddressChanges() {
        String user = newUser("strict");
        String home = newAddress();
        String secret = secret(user, home);
        assertEquals(200, me(secret, home));

        assertEquals(401, me(secret, newAddress()), "another client address behind the trusted proxy");
        assertEquals(401, me(secret, home), "ended for good, not just refused once");

        JsonObject changed = once(SecurityEvent.Type.IP_CHANGED, user);
        assertTrue(changed.getString("detail").contains("session ended"), changed::toString);
        once(SecurityEvent.Type.LOGIN_SUCCEEDED, user);
    }

    @Test
    void anotherUserAgentIsRecordedOnceAndFollowed() {
        String user = newUser("agent");
        String home = newAddress();
        String secret = secret(user, home);

        assertEquals(200, me(secret, home, "User-Agent", "Browser/2.0"));
        assertEquals(200, me(secret, home, "User-Agent", "Browser/2.0"));

        JsonObject changed = once(SecurityEvent.Type.USER_AGENT_CHANGED, user);
        assertEquals("Browser/2.0", changed.getString("userAgent"));
    }

    /**
     * Review M5: failures from one place throttle the account from there only (an attacker elsewhere
     * cannot lock the owner out), and a flood of refused attempts is recorded once, not once each.
     */
    @Test
    void failedLoginsAreThrottledWith429AndRetryAfterThenRecover() {
        String user = newUser("throttle");
        String address = newAddress();
        for (int i = 0; i < ACCOUNT_ATTEMPTS; i++) {
            assertEquals(401, login(user, "wrong password", address).status());
        }

        Reply throttled = login(user, PASSWORD, address);
        assertEquals(429, throttled.status(), throttled::toString);
        assertTrue(throttled.contentType().startsWith("application/problem+json"), throttled::toString);
        long retryAfter = Long.parseLong(throttled.header("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= ACCOUNT_PERIOD.toSeconds() / ACCOUNT_ATTEMPTS, "Retry-After " + retryAfter);
        for (int i = 0; i < 20; i++) {
            assertEquals(429, login(user, "wrong password", address).status());
        }
        assertEquals(200, login(user, PASSWORD, newAddress()).status(), "the owner elsewhere is not locked out");

        ServerClock.advance(http, Duration.ofSeconds(retryAfter));
        assertEquals(200, login(user, PASSWORD, address).status(), "recovered once the wait is over");
        for (int i = 0; i < ACCOUNT_ATTEMPTS; i++) {
            assertEquals(401, login(user, "wrong password", address).status(), "a success started the count afresh");
        }
        once(SecurityEvent.Type.LOGIN_THROTTLED, user); // 21 refusals from one client within a minute: one event
        assertEquals(2 * ACCOUNT_ATTEMPTS, SecurityEventLog.await(http, admin(), "LOGIN_FAILED", user, 2 * ACCOUNT_ATTEMPTS).size());
    }

    /** Review M4: the current password of a password change is throttled and recorded like a login. */
    @Test
    void guessingTheCurrentPasswordIsThrottledLikeALogin() {
        String user = newUser("guessed");
        String address = newAddress();
        String secret = secret(user, address);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(http.send("PUT", "api/auth/password", "application/json",
                    "{\"currentPassword\":\"guess number " + i + "\",\"newPassword\":\"the attacker's own password\"}",
                    from(address, secret)).status());
        }
        List<Integer> expected = new ArrayList<>(Collections.nCopies(ACCOUNT_ATTEMPTS, 400));
        expected.addAll(Collections.nCopies(10 - ACCOUNT_ATTEMPTS, 429));
        assertEquals(expected, statuses);
        List<JsonObject> failed = SecurityEventLog.await(http, admin(), "LOGIN_FAILED", user, ACCOUNT_ATTEMPTS);
        assertTrue(failed.stream().allMatch(event -> event.getString("detail").startsWith("password change")), failed::toString);
        once(SecurityEvent.Type.LOGIN_THROTTLED, user);
        assertEquals(200, me(secret, address), "guessing changed nothing");
    }

    @Test
    void oneAddressIsThrottledAcrossAccountsEvenForUnknownNames() {
        String address = newAddress();
        for (int i = 0; i < IP_ATTEMPTS; i++) {
            assertEquals(401, login("nobody" + i + System.nanoTime(), "guess", address).status());
        }
        Reply throttled = login(newUser("victim"), PASSWORD, address);
        assertEquals(429, throttled.status(), throttled::toString);
        assertTrue(throttled.header("Retry-After").isPresent());
        assertEquals(200, login(newUser("elsewhere"), PASSWORD, newAddress()).status(), "other addresses log in");
    }

    @Test
    void adminSessionsIdleOutAfterFifteenMinutesOrdinaryOnesDoNot() {
        String address = newAddress();
        Reply adminLogin = login("admin", Deployments.ADMIN_PASSWORD, address);
        String adminSecret = adminLogin.setCookie(COOKIE).orElseThrow().value();
        String userSecret = secret(newUser("plain"), address);

        ServerClock.advance(http, Duration.ofMinutes(15));

        assertEquals(401, me(adminSecret, address), "admin idle timeout PT15M");
        assertEquals(200, me(userSecret, address), "ordinary idle timeout PT30M");
    }

    @Test
    void aRoleChangeEndsEverySessionOfTheAccount() {
        String user = newUser("promoted");
        String address = newAddress();
        String secret = secret(user, address);

        Reply changed = http.send("PUT", "api/admin/accounts/" + user + "/roles", "application/json",
                "{\"roles\":[\"user\",\"auditor\"]}", Logins.cookie(admin()));
        assertEquals(200, changed.status(), changed::toString);

        assertEquals(401, me(secret, address), "no session keeps the roles it started with after a privilege change");
        Reply again = login(user, PASSWORD, address);
        assertTrue(again.json().getJsonArray("roles").toString().contains("auditor"), again::toString);
        assertTrue(once(SecurityEvent.Type.ROLES_CHANGED, user).getString("detail").contains("by administrator admin"));
    }

    @Test
    void changingTheOwnPasswordEndsEverySessionAndGivesThisBrowserANewSecret() {
        String user = newUser("changer");
        String here = newAddress();
        String there = newAddress();
        String secret = secret(user, here);
        String otherDevice = secret(user, there);

        Reply changed = http.send("PUT", "api/auth/password", "application/json",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"a brand new long password\"}",
                from(here, secret));

        assertEquals(200, changed.status(), changed::toString);
        String renewed = changed.setCookie(COOKIE).orElseThrow().value();
        assertNotEquals(secret, renewed);
        assertEquals(401, me(secret, here), "the old secret is dead");
        assertEquals(401, me(otherDevice, there), "so is every other device");
        assertEquals(200, me(renewed, here));
        once(SecurityEvent.Type.PASSWORD_CHANGED, user);

        Reply wrong = http.send("PUT", "api/auth/password", "application/json",
                "{\"currentPassword\":\"not it\",\"newPassword\":\"another long password\"}",
                from(here, renewed));
        assertEquals(400, wrong.status(), wrong::toString);
        assertEquals(200, me(renewed, here), "a wrong current password changes nothing");
    }

    @Test
    void aCookieReplacedByALoginAndPresentedAgainIsAFixationAttempt() {
        String user = newUser("fixed");
        String address = newAddress();
        String planted = secret(user, address);
        Reply relogin = login(user, PASSWORD, address, "Cookie", COOKIE + "=" + planted);
        assertEquals(200, relogin.status());

        assertEquals(401, me(planted, address));
        assertEquals(401, me(planted, address));

        once(SecurityEvent.Type.FIXATION_ATTEMPT, user);
    }

    @Test
    void endsOfOneSessionAreRecordedWithTheirCause() {
        String user = newUser("ends");
        String address = newAddress();
        String loggedOut = secret(user, address);
        assertEquals(204, http.send("POST", "api/auth/logout", null, null, from(address, loggedOut)).status());
        once(SecurityEvent.Type.LOGOUT, user);

        String killed = secret(user, address);
        String handle = http.get("api/auth/me", from(address, killed)).json()
                .getJsonObject("session").getString("handle");
        assertEquals(204, http.send("DELETE", "api/admin/sessions/" + handle, null, null, Logins.cookie(admin())).status());
        assertEquals(401, me(killed, address));
        assertEquals(404, http.send("DELETE", "api/admin/sessions/" + handle, null, null, Logins.cookie(admin())).status(),
                "killing twice: nothing left to kill");
        assertTrue(once(SecurityEvent.Type.SESSION_KILLED, user).getString("detail").contains("administrator admin"));

        String idle = secret(user, address);
        ServerClock.advance(http, Duration.ofMinutes(31));
        assertEquals(401, me(idle, address));
        once(SecurityEvent.Type.IDLE_TIMEOUT, user);

        String everywhere = secret(user, address);
        assertEquals(204, http.send("POST", "api/auth/logout-all", null, null, from(address, everywhere)).status());
        once(SecurityEvent.Type.LOGOUT_ALL, user);

        secret(user, address);
        assertEquals(200, http.send("POST", "api/admin/accounts/" + user + "/disable", null, null,
                Logins.cookie(admin())).status());
        once(SecurityEvent.Type.ACCOUNT_DISABLED, user);
        assertEquals(401, login(user, PASSWORD, address).status());
        once(SecurityEvent.Type.LOGIN_FAILED, user);
    }

    @Test
    void aSessionLivingToItsAbsoluteLimitIsRecordedAsSuch() {
        String user = newUser("long");
        String address = newAddress();
        String secret = secret(user, address);
        int stillAlive = 0;
        while (stillAlive < 30) {
            ServerClock.advance(http, Duration.ofMinutes(25));
            if (me(secret, address) != 200) {
                break;
            }
            stillAlive++;
        }
        assertEquals(28, stillAlive, "used every 25 minutes, it lives 12 hours (28 x 25 min), not one request more");
        once(SecurityEvent.Type.ABSOLUTE_TIMEOUT, user);
    }

    @Test
    void aLoginFromANewNetworkIsASignalButNotTheFirstLoginEver() {
        String user = newUser("roamer");
        String home = newAddress();
        secret(user, home);
        secret(user, home);
        SecurityEventLog.await(http, admin(), "LOGIN_SUCCEEDED", user, 2);
        SecurityEventLog.sleep(Duration.ofMillis(300));
        assertEquals(List.of(), SecurityEventLog.await(http, admin(), "NEW_NETWORK", user, 0),
                "neither the first login nor a second from the same network");

        String away = newAddress();
        secret(user, away);

        JsonObject signal = once(SecurityEvent.Type.NEW_NETWORK, user);
        assertEquals(away, signal.getString("ipAddress"));
        assertFalse(signal.getString("detail").isEmpty());
    }

    @Test
    void securityEventsAreFilteredByTypeAddressAndTimeAndBadFiltersAre400() {
        String user = newUser("filter");
        String address = newAddress();
        secret(user, address);
        SecurityEventLog.await(http, admin(), "LOGIN_SUCCEEDED", user, 1);

        Reply byAddress = http.get("api/admin/security-events?ip=" + address + "&from=2000-01-01T00:00:00Z",
                Logins.cookie(admin()));
        assertEquals(200, byAddress.status(), byAddress::toString);
        assertEquals("1", byAddress.header("X-Total-Count").orElseThrow(), byAddress::toString);
        for (String bad : List.of("type=NOPE", "from=yesterday", "limit=0", "limit=501", "ip=%27or%201=1", "offset=-1")) {
            Reply refused = http.get("api/admin/security-events?" + bad, Logins.cookie(admin()));
            assertEquals(400, refused.status(), bad + ": " + refused);
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
        }
    }

    @AfterAll
    static void everySessionEventTypeThisNodeCanShowWasSeen() {
        Set<SecurityEvent.Type> elsewhere = EnumSet.of(
                SecurityEvent.Type.LOGIN_REJECTED_BY_LIMIT,  // SessionLimitRejectIT (policy reject)
                SecurityEvent.Type.REFRESH_TOKEN_REUSE,      // RefreshTokenIT
                SecurityEvent.Type.REFRESH_STORM,            // RefreshTokenIT
                SecurityEvent.Type.SESSION_SECRET_REUSE);    // SecretRotationIT
        Set<SecurityEvent.Type> missing = EnumSet.complementOf(EnumSet.copyOf(SEEN));
        missing.removeAll(elsewhere);
        assertTrue(missing.isEmpty(), "event types no test saw recorded once: " + missing);
    }
}
