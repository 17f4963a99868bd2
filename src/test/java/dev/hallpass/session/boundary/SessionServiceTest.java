package dev.hallpass.session.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hallpass.account.boundary.Caller;
import dev.hallpass.account.boundary.Credentials;
import dev.hallpass.session.control.SessionSecrets;
import dev.hallpass.session.control.SessionState;
import dev.hallpass.session.control.SessionStore;
import dev.hallpass.session.control.SessionTimeoutPolicy;
import dev.hallpass.session.control.SessionTimeouts;
import dev.hallpass.session.entity.EndReason;
import dev.hallpass.session.entity.Session;
import dev.hallpass.session.entity.SessionStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Expiry and touch throttling, with time moved by an injected clock. */
class SessionServiceTest {

    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration ABSOLUTE = Duration.ofHours(12);
    static final Duration TOUCH = Duration.ofMinutes(1);

    final MovingClock clock = new MovingClock(Instant.parse("2026-03-01T08:00:00Z"));
    final InMemoryStore store = new InMemoryStore();
    final SessionTimeoutPolicy policy = new SessionTimeoutPolicy(new SessionTimeouts(IDLE, ABSOLUTE, TOUCH),
            new SessionTimeouts(Duration.ofDays(30), Duration.ofDays(90), TOUCH));
    final List<SessionEnded> endedEvents = new java.util.ArrayList<>();
    SessionService service;

    @BeforeEach
    void setUp() {
        service = new SessionService(store, clock, policy, this::authenticate, endedEvents::add);
    }

    private Optional<Caller> authenticate(Credentials credentials) {
        return "right".equals(credentials.password())
                ? Optional.of(new Caller(credentials.username(), java.util.Set.of("user"))) : Optional.empty();
    }

    private StartedSession login() {
        return service.login(new Credentials("ann", "right"), false, new ClientInfo("127.0.0.1", "test"), Optional.empty());
    }

    @Test
    void aWrongPasswordStartsNoSession() {
        assertThrows(LoginRejected.class, () -> service.login(new Credentials("ann", "wrong"), false,
                new ClientInfo("127.0.0.1", "test"), Optional.empty()));
        assertEquals(0, store.sessions.size());
    }

    @Test
    void theStoreKeepsOnlyTheHashOfTheSecret() {
        StartedSession started = login();

        Session stored = store.sessions.values().iterator().next();
        assertEquals(SessionSecrets.hash(started.secret()), stored.secretHash());
        assertNotEquals(started.secret(), stored.secretHash());
    }

    @Test
    void aSessionIdleForTheTimeoutEnds() {
        String secret = login().secret();

        clock.advance(IDLE.minusSeconds(1));
        assertTrue(service.authenticate(secret).isPresent());
        clock.advance(IDLE);

        assertTrue(service.authenticate(secret).isEmpty());
        assertEquals(EndReason.IDLE_TIMEOUT, store.only().endReason().orElseThrow());
        assertEquals(SessionStatus.EXPIRED, store.only().status());
    }

    @Test
    void anActiveSessionEndsAtTheAbsoluteLimit() {
        String secret = login().secret();

        for (Duration elapsed = Duration.ZERO; elapsed.plus(IDLE).compareTo(ABSOLUTE) < 0; elapsed = elapsed.plus(IDLE.minus(TOUCH))) {
            clock.advance(IDLE.minus(TOUCH).minusSeconds(1));
            assertTrue(service.authenticate(secret).isPresent(), "still active after " + elapsed);
        }
        clock.set(store.only().absoluteExpiresAt());

        assertTrue(service.authenticate(secret).isEmpty());
        assertEquals(EndReason.ABSOLUTE_TIMEOUT, store.only().endReason().orElseThrow());
    }

    @Test
    void activityIsWrittenOncePerTouchInterval() {
        String secret = login().secret();

        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(5));
            service.authenticate(secret);
        }
        assertEquals(0, store.touches, "50 s of requests inside one touch interval: no write");
        clock.advance(Duration.ofSeconds(10));
        service.authenticate(secret);
        service.authenticate(secret);

        assertEquals(1, store.touches);
        assertEquals(clock.instant().plus(IDLE), store.only().idleExpiresAt());
    }

    @Test
    void loginEndsTheSessionWhoseCookieWasPresented() {
        String first = login().secret();

        StartedSession second = service.login(new Credentials("ann", "right"), false, new ClientInfo("127.0.0.1", "test"),
                Optional.of(first));

        assertTrue(service.authenticate(first).isEmpty());
        assertTrue(service.authenticate(second.secret()).isPresent());
        assertEquals(SessionStatus.REPLACED, store.sessions.values().stream()
                .filter(s -> s.secretHash().equals(SessionSecrets.hash(first))).findFirst().orElseThrow().status());
    }

    @Test
    void logoutEndsTheSessionForGood() {
        String secret = login().secret();

        service.logout(secret);
        service.logout(secret);

        assertTrue(service.authenticate(secret).isEmpty());
        assertEquals(EndReason.LOGOUT, store.only().endReason().orElseThrow());
        assertEquals(List.of(new SessionEnded(store.only().handle(), "ann", EndReason.LOGOUT)), endedEvents,
                "one event, for the logout that really ended it");
    }

    @Test
    void theUsersLiveSessionsAreListedWithTheCurrentOneMarked() {
        StartedSession first = login();
        StartedSession second = login();
        service.logout(first.secret());

        List<DeviceSession> listed = service.sessionsOf(second.session());

        assertEquals(1, listed.size());
        assertTrue(listed.get(0).current());
    }

    @Test
    void rememberMeSessionsGetTheLongTimeouts() {
        StartedSession started = service.login(new Credentials("ann", "right"), true, new ClientInfo(null, null), Optional.empty());

        assertEquals(clock.instant().plus(Duration.ofDays(30)), started.session().idleExpiresAt());
        assertEquals(clock.instant().plus(Duration.ofDays(90)), started.session().absoluteExpiresAt());
    }

    static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** The store contract, in memory: conditional writes only touch active sessions. */
    static final class InMemoryStore implements SessionStore {
        final Map<String, Session> sessions = new HashMap<>();
        int touches;

        Session only() {
            assertEquals(1, sessions.size());
            return sessions.values().iterator().next();
        }

        @Override
        public Optional<SessionState> findBySecretHash(String secretHash) {
            return sessions.values().stream().filter(s -> s.secretHash().equals(secretHash)).findFirst().map(SessionState::of);
        }

        @Override
        public Optional<SessionState> findByHandle(String handle) {
            return Optional.ofNullable(sessions.get(handle)).map(SessionState::of);
        }

        @Override
        public void create(Session session) {
            sessions.put(session.handle(), session);
        }

        @Override
        public boolean touch(SessionState state, Instant lastSeen, Instant idleExpiresAt) {
            Session session = sessions.get(state.handle());
            if (session == null || !session.isActive()) {
                return false;
            }
            touches++;
            session.touch(lastSeen, idleExpiresAt);
            return true;
        }

        @Override
        public boolean end(SessionState state, EndReason reason, Instant at) {
            Session session = sessions.get(state.handle());
            if (session == null || !session.isActive()) {
                return false;
            }
            session.end(reason, at);
            return true;
        }

        @Override
        public List<SessionState> findActiveByUser(String username, Instant now) {
            return sessions.values().stream().filter(s -> s.username().equals(username) && s.isActive())
                    .map(SessionState::of).filter(s -> s.expiryAt(now).isEmpty()).toList();
        }

        @Override
        public long countActiveByUser(String username, Instant now) {
            return findActiveByUser(username, now).size();
        }
    }
}
