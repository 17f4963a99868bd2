package dev.hallpass.session.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.account.boundary.Caller;
import dev.hallpass.audit.entity.SecurityEvent;
import dev.hallpass.client.ClientInfo;
import dev.hallpass.session.control.ClientBinding;
import dev.hallpass.session.control.ClientBindings;
import dev.hallpass.session.control.EndedToMakeRoom;
import dev.hallpass.session.control.NodeName;
import dev.hallpass.session.control.SecretRotation;
import dev.hallpass.session.control.SessionLimits;
import dev.hallpass.session.control.SessionSecrets;
import dev.hallpass.session.control.SessionState;
import dev.hallpass.session.control.SessionStore;
import dev.hallpass.session.control.SessionTimeoutPolicy;
import dev.hallpass.session.control.SessionTimeouts;
import dev.hallpass.session.entity.EndReason;
import dev.hallpass.session.entity.Session;
import dev.hallpass.session.entity.SessionStatus;
import dev.hallpass.testsupport.MovingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Expiry, touch throttling, timeouts by context, client binding and fixation, with time moved by an injected clock. */
class SessionServiceTest {

    private static final NodeName NODE = new NodeName("test-node");

    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration ABSOLUTE = Duration.ofHours(12);
    static final Duration TOUCH = Duration.ofMinutes(1);
    static final Duration OVERLAP = Duration.ofSeconds(30);
    static final SecretRotation ROTATION = new SecretRotation(Duration.ofHours(1), Duration.ofDays(1), OVERLAP);

    final MovingClock clock = new MovingClock(Instant.parse("2026-03-01T08:00:00Z"));
    final InMemoryStore store = new InMemoryStore();
    final SessionTimeoutPolicy policy = new SessionTimeoutPolicy(new SessionTimeouts(IDLE, ABSOLUTE, TOUCH),
            new SessionTimeouts(Duration.ofDays(30), Duration.ofDays(90), TOUCH));
    static final ClientInfo HOME = new ClientInfo("203.0.113.7", "Firefox");
    final List<SessionEnded> endedEvents = new ArrayList<>();
    final List<SessionIncident> incidents = new ArrayList<>();
    SessionService service;

    @BeforeEach
    void setUp() {
        service = serviceWith(ClientBindings.OFF);
    }

    private SessionService serviceWith(ClientBindings bindings) {
        return new SessionService(store, clock, policy, SessionLimits.NONE, bindings, ROTATION, NODE, endedEvents::add,
                incidents::add);
    }

    private StartedSession login() {
        return service.start(new Caller("ann", Set.of("user"), 0), false, HOME, Optional.empty());
    }

    @Test
    void theStoreKeepsOnlyTheHashOfTheSecret() {
        StartedSession started = login();

        SessionState stored = store.sessions.values().iterator().next();
        assertEquals(SessionSecrets.hash(started.secret()), stored.secretHash());
        assertNotEquals(started.secret(), stored.secretHash());
    }

    @Test
    void aSessionIdleForTheTimeoutEnds() {
        String secret = login().secret();

        clock.advance(IDLE.minusSeconds(1));
        assertTrue(service.authenticate(secret, HOME).isPresent());
        clock.advance(IDLE.plusHours(1));

        assertTrue(service.authenticate(secret, HOME).isEmpty());
        assertEquals(EndReason.IDLE_TIMEOUT, store.only().endReason().orElseThrow());
        assertEquals(SessionStatus.EXPIRED, store.only().status());
        assertEquals(IDLE.multipliedBy(2).minusSeconds(1), endedEvents.get(0).lasted(),
                "it lasted until its idle expiry, not until the request that found it run out an hour later");
    }

    @Test
    void anActiveSessionEndsAtTheAbsoluteLimit() {
        String secret = login().secret();

        for (Duration elapsed = Duration.ZERO; elapsed.plus(IDLE).compareTo(ABSOLUTE) < 0; elapsed = elapsed.plus(IDLE.minus(TOUCH))) {
            clock.advance(IDLE.minus(TOUCH).minusSeconds(1));
            assertTrue(service.authenticate(secret, HOME).isPresent(), "still active after " + elapsed);
        }
        clock.set(store.only().absoluteExpiresAt());

        assertTrue(service.authenticate(secret, HOME).isEmpty());
        assertEquals(EndReason.ABSOLUTE_TIMEOUT, store.only().endReason().orElseThrow());
    }

    @Test
    void activityIsWrittenOncePerTouchInterval() {
        String secret = login().secret();

        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(5));
            service.authenticate(secret, HOME);
        }
        assertEquals(0, store.touches, "50 s of requests inside one touch interval: no write");
        clock.advance(Duration.ofSeconds(10));
        service.authenticate(secret, HOME);
        service.authenticate(secret, HOME);

        assertEquals(1, store.touches);
        assertEquals(clock.instant().plus(IDLE), store.only().idleExpiresAt());
    }

    @Test
    void loginEndsTheSessionWhoseCookieWasPresented() {
        String first = login().secret();

        StartedSession second = service.start(new Caller("ann", Set.of("user"), 0), false, HOME, Optional.of(first));

        assertTrue(service.authenticate(first, HOME).isEmpty());
        assertTrue(service.authenticate(second.secret(), HOME).isPresent());
        assertEquals(SessionStatus.REPLACED, store.sessions.values().stream()
                .filter(s -> s.secretHash().equals(SessionSecrets.hash(first))).findFirst().orElseThrow().status());
    }

    @Test
    void logoutEndsTheSessionForGood() {
        String secret = login().secret();

        service.logout(secret);
        service.logout(secret);

        assertTrue(service.authenticate(secret, HOME).isEmpty());
        assertEquals(EndReason.LOGOUT, store.only().endReason().orElseThrow());
        assertEquals(List.of(new SessionEnded(store.only().handle(), "ann", EndReason.LOGOUT, HOME, null, Duration.ZERO)), endedEvents,
                "one event, for the logout that really ended it");
    }

    @Test
    void theUsersLiveSessionsAreListed() {
        StartedSession first = login();
        StartedSession second = login();
        service.logout(first.secret());

        List<SessionState> listed = service.liveSessionsOf(second.session().username());

        assertEquals(1, listed.size());
        assertEquals(second.session().handle(), listed.get(0).handle());
    }

    @Test
    void rememberMeSessionsGetTheLongTimeouts() {
        StartedSession started = service.start(new Caller("ann", Set.of("user"), 0), true, ClientInfo.UNKNOWN, Optional.empty());

        assertEquals(clock.instant().plus(Duration.ofDays(30)), started.session().idleExpiresAt());
        assertEquals(clock.instant().plus(Duration.ofDays(90)), started.session().absoluteExpiresAt());
    }

    @Test
    void adminSessionsGetTheShorterIdleTimeoutEvenWithRememberMe() {
        SessionTimeoutPolicy withAdminIdle = new SessionTimeoutPolicy(policy.standard(), policy.rememberMe(),
                Duration.ofMinutes(15));
        service = new SessionService(store, clock, withAdminIdle, SessionLimits.NONE, ClientBindings.OFF, ROTATION, NODE,
                endedEvents::add, incidents::add);

        StartedSession admin = service.start(new Caller("root", Set.of("admin", "user"), 0), true, HOME, Optional.empty());

        assertEquals(clock.instant().plus(Duration.ofMinutes(15)), admin.session().idleExpiresAt());
        assertEquals(clock.instant().plus(Duration.ofDays(90)), admin.session().absoluteExpiresAt());
        clock.advance(Duration.ofMinutes(15));
        assertTrue(service.authenticate(admin.secret(), HOME).isEmpty());
        assertEquals(EndReason.IDLE_TIMEOUT, store.only().endReason().orElseThrow());
    }

    @Test
    void strictIpBindingEndsTheSessionOnAnotherAddress() {
        service = serviceWith(new ClientBindings(ClientBinding.STRICT, ClientBinding.OFF));
        String secret = login().secret();

        assertTrue(service.authenticate(secret, new ClientInfo("203.0.113.7", "Other browser")).isPresent(),
                "user agent binding is off");
        assertTrue(service.authenticate(secret, new ClientInfo("198.51.100.1", "Firefox")).isEmpty());

        assertEquals(EndReason.IP_CHANGED, store.only().endReason().orElseThrow());
        assertEquals(List.of(SecurityEvent.Type.IP_CHANGED), incidents.stream().map(SessionIncident::type).toList());
        assertTrue(service.authenticate(secret, HOME).isEmpty(), "ended for good, even back home");
    }

    @Test
    void loggedBindingFollowsTheClientAndReportsEachChangeOnce() {
        service = serviceWith(new ClientBindings(ClientBinding.LOG, ClientBinding.LOG));
        String secret = login().secret();
        ClientInfo travelling = new ClientInfo("198.51.100.1", "Firefox 2");

        assertTrue(service.authenticate(secret, travelling).isPresent());
        assertTrue(service.authenticate(secret, travelling).isPresent());

        assertEquals(List.of(SecurityEvent.Type.IP_CHANGED, SecurityEvent.Type.USER_AGENT_CHANGED),
                incidents.stream().map(SessionIncident::type).toList());
        assertEquals("198.51.100.1", store.only().ipAddress());
        assertEquals("Firefox 2", store.only().userAgent());
    }

    @Test
    void aReplacedCookieUsedAgainIsAFixationAttemptReportedOnce() {
        String planted = login().secret();
        service.start(new Caller("ann", Set.of("user"), 0), false, HOME, Optional.of(planted));

        assertTrue(service.authenticate(planted, HOME).isEmpty());
        assertTrue(service.authenticate(planted, HOME).isEmpty());

        assertEquals(List.of(SecurityEvent.Type.FIXATION_ATTEMPT), incidents.stream().map(SessionIncident::type).toList());
    }

    /**
     * The store contract, in memory: conditional writes only touch active sessions. It keeps immutable
     * {@link SessionState}s, as the layers above the database do; the end reason beside them.
     */
    /** Uses the session every 20 minutes (checks that never renew the secret) for {@code total}. */
    private void keepUsing(String secret, Duration total) {
        for (Duration left = total; !left.isZero(); ) {
            Duration step = left.compareTo(Duration.ofMinutes(20)) < 0 ? left : Duration.ofMinutes(20);
            clock.advance(step);
            left = left.minus(step);
            assertTrue(service.authenticate(secret, HOME).isPresent());
        }
    }

    @Test
    void aSecretOlderThanTheRotationPeriodIsRenewedAndTheOldOneLastsOnlyTheOverlap() {
        String first = login().secret();
        keepUsing(first, Duration.ofMinutes(59));
        assertEquals(Optional.empty(), service.authenticateRotating(first, HOME).orElseThrow().newSecret(), "not due yet");
        clock.advance(Duration.ofMinutes(1));
        String second = service.authenticateRotating(first, HOME).orElseThrow().newSecret().orElseThrow();
        assertNotEquals(first, second);
        assertEquals(SessionSecrets.hash(second), store.only().state().secretHash(), "only the new hash is stored as current");

        clock.advance(OVERLAP.minusSeconds(1));
        assertTrue(service.authenticateRotating(first, HOME).isPresent(), "a request in flight, another tab");
        assertEquals(Optional.empty(), service.authenticateRotating(first, HOME).orElseThrow().newSecret(), "not renewed twice");
        assertTrue(service.authenticateRotating(second, HOME).isPresent());
        assertTrue(incidents.isEmpty());

        clock.advance(Duration.ofSeconds(1));
        assertTrue(service.authenticateRotating(first, HOME).isEmpty(), "both secrets in use after the overlap: one is stolen");
        assertEquals(Optional.of(EndReason.SESSION_SECRET_REUSE), store.only().endReason());
        assertEquals(SecurityEvent.Type.SESSION_SECRET_REUSE, incidents.get(0).type());
        assertTrue(service.authenticateRotating(second, HOME).isEmpty(), "the session is over for both");
    }

    @Test
    void whenTheAnswerWithTheNewSecretWasLostTheOldOneGetsAnotherInsteadOfEndingTheSession() {
        String first = login().secret();
        keepUsing(first, Duration.ofHours(1));
        String lost = service.authenticateRotating(first, HOME).orElseThrow().newSecret().orElseThrow();
        clock.advance(OVERLAP.plusSeconds(5));
        String again = service.authenticateRotating(first, HOME).orElseThrow().newSecret().orElseThrow();
        assertNotEquals(lost, again);
        assertTrue(service.authenticate(lost, HOME).isEmpty(), "the never-used secret is dead");
        assertTrue(service.authenticateRotating(again, HOME).isPresent());
        assertEquals(SessionStatus.ACTIVE, store.only().status());
        assertTrue(incidents.isEmpty(), incidents::toString);
    }

    @Test
    void aStolenCopyDiesAtTheFirstRenewalItDidNotSee() {
        String copied = login().secret(); // the thief copies the cookie and waits
        keepUsing(copied, Duration.ofHours(1));
        String owners = service.authenticateRotating(copied, HOME).orElseThrow().newSecret().orElseThrow();
        assertTrue(service.authenticateRotating(owners, HOME).isPresent());
        clock.advance(Duration.ofMinutes(5));
        assertTrue(service.authenticateRotating(copied, new ClientInfo("198.51.100.9", "curl")).isEmpty());
        assertEquals(Optional.of(EndReason.SESSION_SECRET_REUSE), store.only().endReason());
    }

    @Test
    void checksWhoseAnswerCannotSetTheCookieNeverRenewIt() {
        String first = login().secret();
        keepUsing(first, Duration.ofHours(2));
        assertTrue(service.authenticate(first, HOME).isPresent());
        assertEquals(SessionSecrets.hash(first), store.only().state().secretHash());
    }

    @Test
    void rememberMeSessionsAreRenewedDaily() {
        String secret = service.start(new Caller("ann", Set.of("user"), 0), true, HOME, Optional.empty()).secret();
        clock.advance(Duration.ofHours(2));
        assertEquals(Optional.empty(), service.authenticateRotating(secret, HOME).orElseThrow().newSecret());
        clock.advance(Duration.ofHours(22));
        assertTrue(service.authenticateRotating(secret, HOME).orElseThrow().newSecret().isPresent());
    }

    @Test
    void anOverlapAsLongAsThePeriodIsRefusedAndZeroNeverRenews() {
        assertThrows(IllegalArgumentException.class,
                () -> new SecretRotation(Duration.ofMinutes(1), Duration.ofDays(1), Duration.ofMinutes(1)));
        SessionState old = new SessionState("h", "hash", "ann", Set.of("user"), clock.instant(), clock.instant(),
                clock.instant().plus(IDLE), clock.instant().plus(ABSOLUTE), false, SessionStatus.ACTIVE, "", "");
        assertFalse(new SecretRotation(Duration.ZERO, Duration.ZERO, OVERLAP).due(old, clock.instant().plus(ABSOLUTE)));
        assertTrue(ROTATION.due(old, clock.instant().plus(Duration.ofHours(1))));
    }

    static final class InMemoryStore implements SessionStore {
        final Map<String, SessionState> sessions = new HashMap<>();
        final Map<String, EndReason> endReasons = new HashMap<>();
        final Map<String, String> previousSecrets = new HashMap<>(); // previous hash -> handle
        int touches;

        /** The one stored session, with its end reason. */
        record Stored(SessionState state, Optional<EndReason> endReason) {
            SessionStatus status() { return state.status(); }
            String handle() { return state.handle(); }
            Instant idleExpiresAt() { return state.idleExpiresAt(); }
            Instant absoluteExpiresAt() { return state.absoluteExpiresAt(); }
            String ipAddress() { return state.ipAddress(); }
            String userAgent() { return state.userAgent(); }
        }

        Stored only() {
            assertEquals(1, sessions.size());
            SessionState state = sessions.values().iterator().next();
            return new Stored(state, Optional.ofNullable(endReasons.get(state.handle())));
        }

        @Override
        public Optional<SessionState> findBySecretHash(String secretHash) {
            return sessions.values().stream().filter(s -> s.secretHash().equals(secretHash)).findFirst()
                    .or(() -> Optional.ofNullable(previousSecrets.get(secretHash)).map(sessions::get));
        }

        @Override
        public boolean rotateSecret(SessionState state, String previousHash, String newHash, Instant at) {
            SessionState stored = sessions.get(state.handle());
            boolean reissue = !previousHash.equals(state.secretHash());
            if (stored == null || !stored.isActive() || !stored.secretHash().equals(state.secretHash())
                    || reissue && (stored.newSecretUsed() || !previousHash.equals(previousOf(stored.handle())))) {
                return false;
            }
            previousSecrets.values().remove(stored.handle());
            previousSecrets.put(previousHash, stored.handle());
            sessions.put(stored.handle(), stored.withSecret(newHash, at));
            return true;
        }

        private String previousOf(String handle) {
            return previousSecrets.entrySet().stream().filter(e -> e.getValue().equals(handle)).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
        }

        @Override
        public void secretUsed(SessionState state) {
            SessionState stored = sessions.get(state.handle());
            if (stored != null && stored.secretHash().equals(state.secretHash())) {
                sessions.put(stored.handle(), stored.secretUsed());
            }
        }

        @Override
        public Optional<SessionState> findByHandle(String handle) {
            return Optional.ofNullable(sessions.get(handle));
        }

        /** No limits here: they are the database's job (one transaction under a row lock), tested over HTTP. */
        @Override
        public List<EndedToMakeRoom> create(Session session, long accountGeneration, SessionLimits limits, Instant now) {
            sessions.put(session.handle(), SessionState.of(session));
            return List.of();
        }

        @Override
        public boolean rebind(SessionState state, String ipAddress, String userAgent) {
            SessionState stored = sessions.get(state.handle());
            if (stored == null || !stored.isActive() || !state.ipAddress().equals(stored.ipAddress())
                    || !state.userAgent().equals(stored.userAgent())) {
                return false;
            }
            sessions.put(state.handle(), stored.seenFrom(ipAddress, userAgent));
            return true;
        }

        @Override
        public boolean touch(SessionState state, Instant lastSeen, Instant idleExpiresAt) {
            SessionState stored = sessions.get(state.handle());
            if (stored == null || !stored.isActive()) {
                return false;
            }
            touches++;
            sessions.put(state.handle(), stored.touched(lastSeen, idleExpiresAt));
            return true;
        }

        @Override
        public boolean end(SessionState state, EndReason reason, Instant at) {
            SessionState s = sessions.get(state.handle());
            if (s == null || !s.isActive()) {
                return false;
            }
            sessions.put(s.handle(), new SessionState(s.handle(), s.secretHash(), s.username(), s.roles(), s.createdAt(),
                    s.lastSeenAt(), s.idleExpiresAt(), s.absoluteExpiresAt(), s.rememberMe(), reason.status(), s.ipAddress(),
                    s.userAgent()));
            endReasons.put(s.handle(), reason);
            return true;
        }

        @Override
        public List<SessionState> findActiveByUser(String username, Instant now) {
            return sessions.values().stream().filter(s -> s.username().equals(username) && s.isActive())
                    .filter(s -> s.expiryAt(now).isEmpty()).toList();
        }
    }
}
