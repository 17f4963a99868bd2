package dev.hallpass.session.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hallpass.session.entity.SessionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The limit decision a login makes under the store's lock, without a database. */
class SessionLimitsTest {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private static SessionState session(String handle, String user, int minutesOld, boolean runOut) {
        Instant created = NOW.minus(Duration.ofMinutes(minutesOld));
        Instant idleExpiry = runOut ? NOW.minusSeconds(1) : NOW.plus(Duration.ofMinutes(30));
        return new SessionState(handle, "hash-" + handle, user, Set.of("user"), created, created, idleExpiry,
                NOW.plus(Duration.ofHours(12)), false, SessionStatus.ACTIVE, "198.51.100.10", "agent");
    }

    private static List<String> handles(List<SessionLimits.ToEnd> ends) {
        return ends.stream().map(end -> end.session().handle() + ":" + end.reason()).toList();
    }

    @Test
    void runOutSessionsEndFirstThenTheOldestMakesRoom() {
        SessionLimits limits = new SessionLimits(2, 0, SessionLimits.Policy.EVICT_OLDEST);
        List<SessionState> ann = List.of(session("a1", "ann", 50, false), session("a2", "ann", 40, true), session("a3", "ann", 30, false));

        assertEquals(List.of("a2:IDLE_TIMEOUT", "a1:EVICTED"), handles(limits.toEndBeforeLogin("ann", ann, List.of(), NOW)));
        assertEquals(List.of(), handles(new SessionLimits(3, 0, SessionLimits.Policy.EVICT_OLDEST)
                .toEndBeforeLogin("ann", List.of(session("a1", "ann", 5, false)), List.of(), NOW)));
    }

    @Test
    void rejectRefusesInsteadOfEvicting() {
        SessionLimits limits = new SessionLimits(1, 0, SessionLimits.Policy.REJECT);
        SessionLimitReached refused = assertThrows(SessionLimitReached.class,
                () -> limits.toEndBeforeLogin("ann", List.of(session("a1", "ann", 5, false)), List.of(), NOW));
        assertEquals(409, refused.status());
    }

    /** Review M6: behind one address, a login never ends another user's session. */
    @Test
    void theAddressLimitEvictsOnlyTheUsersOwnSessions() {
        SessionLimits limits = new SessionLimits(0, 2, SessionLimits.Policy.EVICT_OLDEST);
        List<SessionState> others = List.of(session("b1", "bob", 50, false), session("c1", "cid", 40, false));
        assertThrows(SessionLimitReached.class, () -> limits.toEndBeforeLogin("ann", List.of(), others, NOW));

        List<SessionState> mixed = List.of(session("b1", "bob", 50, false), session("a1", "ann", 40, false));
        assertEquals(List.of("a1:EVICTED"), handles(limits.toEndBeforeLogin("ann", List.of(), mixed, NOW)));
    }

    @Test
    void aSessionEndedForTheUserLimitIsNotCountedTwice() {
        SessionLimits limits = new SessionLimits(1, 1, SessionLimits.Policy.EVICT_OLDEST);
        SessionState a1 = session("a1", "ann", 10, false);
        assertEquals(List.of("a1:EVICTED"), handles(limits.toEndBeforeLogin("ann", List.of(a1), List.of(a1), NOW)));
    }
}
